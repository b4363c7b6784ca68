import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CacheTags } from "@/components/cache-tags";
import { HtmlBlock } from "@/components/html";
import { nextMetadata } from "@/components/page-meta";
import { ARTICLE_CLASS, postArticle, postCacheTags, postMeta } from "@/components/post-page";
import { subscribeStateOf } from "@/components/subscribe-box";
import { getPublicPostPage } from "@/lib/posts/queries";
import { ZPostId } from "@/lib/posts/schemas";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The post and its related posts in one query, shared by the metadata and the page.
const loadPost = cache(async (rawId: string) => {
  const id = ZPostId.safeParse(rawId);
  return id.success ? getPublicPostPage(id.data) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = (await loadPost((await params).id))?.post;
  // The door's document for visitors writes the same head (components/page-meta.ts).
  return post ? nextMetadata(postMeta(post)) : {};
}

/**
 * A member's post page, and every post page under `next dev`. Visitors get the same article from
 * the door, in a document written without React (decision 012).
 */
export default async function PostPage({ params, searchParams }: Props) {
  const page = await loadPost((await params).id);
  if (!page) notFound();
  const nonce = (await headers()).get("x-nonce") ?? "";
  const subscribe = subscribeStateOf((await searchParams).subscription);
  return (
    <>
      <CacheTags tags={postCacheTags(page.post)} />
      <HtmlBlock as="article" className={ARTICLE_CLASS}>
        {postArticle(page, { nonce, subscribe })}
      </HtmlBlock>
    </>
  );
}
