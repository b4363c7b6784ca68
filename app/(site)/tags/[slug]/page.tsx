import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CacheTags } from "@/components/cache-tags";
import { HtmlBlock } from "@/components/html";
import { nextMetadata } from "@/components/page-meta";
import { loadTag, loadTagPage, TAG_CACHE_TAGS, TAG_PAGE_CLASS, tagMain, tagMeta } from "@/components/tag-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string | string[] }> };

/** The tag, read once for the metadata and the page. */
const tagOf = cache(loadTag);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await tagOf((await params).slug);
  // The door's document for visitors writes the same head (components/page-meta.ts).
  return tag ? nextMetadata(tagMeta(tag)) : {};
}

/**
 * A member's tag page, and every tag page under `next dev`. Visitors get the same page from the
 * door, in a document written without React (decision 012).
 */
export default async function TagPage({ params, searchParams }: Props) {
  const tag = await tagOf((await params).slug);
  const page = tag && (await loadTagPage(tag, (await searchParams).after));
  if (!page) notFound();
  return (
    <>
      <CacheTags tags={TAG_CACHE_TAGS} />
      <HtmlBlock className={TAG_PAGE_CLASS}>{tagMain(page)}</HtmlBlock>
    </>
  );
}
