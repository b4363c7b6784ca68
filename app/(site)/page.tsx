import { CacheTags } from "@/components/cache-tags";
import { HOME_CACHE_TAGS, HOME_PAGE_CLASS, homeMain, loadHome } from "@/components/home-page";
import { HtmlBlock } from "@/components/html";

export const dynamic = "force-dynamic";

/**
 * A member's home page, and the home page under `next dev`. Visitors get the same page from the
 * door, in a document written without React (decision 012). Its title and description are the
 * root layout's (SITE_META in components/page-meta.ts, which the door's document says too).
 */
export default async function HomePage() {
  return (
    <>
      <CacheTags tags={HOME_CACHE_TAGS} />
      <HtmlBlock className={HOME_PAGE_CLASS}>{homeMain(await loadHome())}</HtmlBlock>
    </>
  );
}
