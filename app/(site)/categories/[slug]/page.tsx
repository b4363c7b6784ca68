import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CacheTags } from "@/components/cache-tags";
import { CATEGORY_PAGE_CLASS, categoryCacheTags, categoryMain, categoryMeta, loadCategory, loadCategoryPage } from "@/components/category-page";
import { HtmlBlock } from "@/components/html";
import { nextMetadata } from "@/components/page-meta";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await loadCategory((await params).slug);
  // The door's document for visitors writes the same head (components/page-meta.ts).
  return category ? nextMetadata(categoryMeta(category)) : {};
}

/**
 * A member's category page, and every category page under `next dev`. Visitors get the same page
 * from the door, in a document written without React (decision 012).
 */
export default async function CategoryPage({ params, searchParams }: Props) {
  const page = await loadCategoryPage((await params).slug, (await searchParams).after);
  if (!page) notFound();
  return (
    <>
      <CacheTags tags={categoryCacheTags(page.category)} />
      <HtmlBlock className={CATEGORY_PAGE_CLASS}>{categoryMain(page)}</HtmlBlock>
    </>
  );
}
