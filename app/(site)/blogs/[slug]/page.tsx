import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BLOG_PAGE_CLASS, blogCacheTags, blogMain, blogMeta, loadBlogPage } from "@/components/blog-page";
import { CacheTags } from "@/components/cache-tags";
import { HtmlBlock } from "@/components/html";
import { nextMetadata } from "@/components/page-meta";
import { subscribeStateOf } from "@/components/subscribe-box";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The listing and a page of its posts, in one query shared by the metadata and the page. */
const loadPage = cache(loadBlogPage);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const listing = (await loadPage((await params).slug, (await searchParams).before))?.listing;
  // The door's document for visitors writes the same head (components/page-meta.ts).
  return listing ? nextMetadata(blogMeta(listing)) : {};
}

/**
 * A member's blog page, and every blog page under `next dev`. Visitors get the same page from the
 * door, in a document written without React (decision 012).
 */
export default async function ListingPage({ params, searchParams }: Props) {
  const page = await loadPage((await params).slug, (await searchParams).before);
  if (!page) notFound();
  const nonce = (await headers()).get("x-nonce") ?? "";
  const subscribe = subscribeStateOf((await searchParams).subscription);
  return (
    <>
      <CacheTags tags={blogCacheTags(page.listing)} />
      <HtmlBlock className={BLOG_PAGE_CLASS}>{blogMain(page, { nonce, subscribe })}</HtmlBlock>
    </>
  );
}
