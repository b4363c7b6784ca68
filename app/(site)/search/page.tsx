import type { Metadata } from "next";
import { CacheTags } from "@/components/cache-tags";
import { HtmlBlock } from "@/components/html";
import { nextMetadata } from "@/components/page-meta";
import { loadSearchPage, SEARCH_CACHE_TAGS, SEARCH_PAGE_CLASS, searchMain, searchMeta, searchQueryOf } from "@/components/search-page";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  // The door's document for visitors writes the same head (components/page-meta.ts).
  return nextMetadata(searchMeta(searchQueryOf(await searchParams)));
}

/**
 * A member's search page, and the search page under `next dev`. Visitors get the same page from
 * the door, in a document written without React (decision 012).
 */
export default async function SearchPage({ searchParams }: Props) {
  const page = await loadSearchPage(await searchParams);
  return (
    <>
      <CacheTags tags={SEARCH_CACHE_TAGS} />
      <HtmlBlock className={SEARCH_PAGE_CLASS}>{searchMain(page)}</HtmlBlock>
    </>
  );
}
