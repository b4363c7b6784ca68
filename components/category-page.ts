// A category's page, as markup (decision 012): the React page (app/(site)/categories/[slug]/page.tsx)
// renders it for members and under `next dev`, and the door writes it into a document for visitors
// (lib/page-cache/documents.ts).
import { getCategory, getCategoryRanking } from "@/lib/categories/queries";
import { ZCategorySlug, ZRankCursor } from "@/lib/categories/schemas";
import { getFeaturedListings } from "@/lib/listings/queries";
import { getCategoryPosts } from "@/lib/posts/queries";
import { featuredSection } from "./featured-listings";
import { html, type Html } from "./html";
import { breadcrumbList, jsonLdScript } from "./json-ld";
import type { PageMeta } from "./page-meta";
import { rankedListings } from "./ranked-listings";
import { type DocumentAssets, pageDocument } from "./site-shell";

type Category = NonNullable<Awaited<ReturnType<typeof getCategory>>>;

/** A category by its slug (kept in memory: lib/categories/queries.ts); null for no such category. */
export async function loadCategory(rawSlug: string): Promise<Category | null> {
  const slug = ZCategorySlug.safeParse(rawSlug);
  return slug.success ? getCategory(slug.data) : null;
}

/**
 * A category and one page of its ranking (after `rawAfter`, a cursor); on the first page also its
 * Business Listings and latest posts. Null for no such category or a cursor that is not one.
 */
export async function loadCategoryPage(rawSlug: string, rawAfter: string | string[] | undefined) {
  const category = await loadCategory(rawSlug);
  if (!category) return null;
  const cursor = typeof rawAfter === "string" ? ZRankCursor.safeParse(rawAfter) : undefined;
  if (cursor && !cursor.success) return null;
  const firstPage = !cursor;
  const [featured, ranking, posts] = await Promise.all([
    firstPage ? getFeaturedListings(2, { categoryId: category.id }) : [],
    getCategoryRanking(category.id, cursor?.data),
    firstPage ? getCategoryPosts([category.id, ...category.children.map((child) => child.id)], 6) : [],
  ]);
  return { category, firstPage, featured, ranking, posts };
}

export type CategoryPageData = NonNullable<Awaited<ReturnType<typeof loadCategoryPage>>>;

export const categoryCacheTags = (category: Category) => ["lists", `category:${category.id}`];

export const CATEGORY_PAGE_CLASS = "space-y-10";

export function categoryMeta(category: Category): PageMeta {
  return {
    title: `${category.name} blogs`,
    description: category.description ?? `The best ${category.name} blogs, ranked, with their newest posts.`,
    feeds: [
      { type: "application/rss+xml", url: `/categories/${category.slug}/rss.xml`, title: `${category.name} (RSS)` },
      { type: "application/atom+xml", url: `/categories/${category.slug}/atom.xml`, title: `${category.name} (Atom)` },
    ],
  };
}

/** Inside the page: where the category sits, its name, description and subcategories; its Business Listings; its ranking and latest posts. */
export function categoryMain({ category, firstPage, featured, ranking, posts }: CategoryPageData): Html {
  const { parent, children } = category;
  const trail = breadcrumbList([...(parent ? [[parent.name, `/categories/${parent.slug}`] as [string, string]] : []), [category.name, `/categories/${category.slug}`]]);
  const subcategories =
    children.length > 0 &&
    html`<ul class="mt-4 flex flex-wrap gap-2" aria-label="Subcategories">${children.map((child) => html`<li><a href="/categories/${child.slug}" class="inline-block rounded-full border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800">${child.name}</a></li>`)}</ul>`;
  const header = html`<header>${parent && html`<p class="text-sm"><a href="/categories/${parent.slug}" class="underline">${parent.name}</a> ›</p>`}<h1 class="text-3xl font-bold tracking-tight">${category.name} blogs</h1>${category.description && html`<p class="mt-2 text-lg text-stone-600 dark:text-stone-300">${category.description}</p>`}${subcategories}</header>`;
  const ranked = rankedListings({ basePath: `/categories/${category.slug}`, firstPage, listings: ranking.listings, next: ranking.next, latestPosts: posts, emptyText: "No blogs listed here yet." });
  return html`${jsonLdScript(trail)}${header}${featuredSection(featured)}${ranked}`;
}

/** The whole category page for a visitor, written without React (decision 012). */
export function categoryDocument(page: CategoryPageData, { nonce, assets }: { nonce: string; assets: DocumentAssets }): string {
  const main = html`<div class="${CATEGORY_PAGE_CLASS}">${categoryMain(page)}</div>`;
  return pageDocument({ meta: categoryMeta(page.category), cacheTags: categoryCacheTags(page.category), main, nonce, assets });
}
