// The home page, as markup (decision 012): the React page (app/(site)/page.tsx) renders it for
// members and under `next dev`, and the door writes it into a document for visitors
// (lib/page-cache/documents.ts).
import { getTrendingPosts } from "@/lib/analytics/post-views";
import { getCategoryTree } from "@/lib/categories/queries";
import { getFeaturedListings, getNewestListings } from "@/lib/listings/queries";
import { memoized } from "@/lib/page-cache/data-memo";
import { getLatestPosts } from "@/lib/posts/queries";
import { featuredSection } from "./featured-listings";
import { html, type Html } from "./html";
import { jsonLdScript, siteUrl } from "./json-ld";
import { SITE_META } from "./page-meta";
import { postSection } from "./post-section";
import { type DocumentAssets, pageDocument } from "./site-shell";

/** The home page's lists, the same for every visitor: kept for a few seconds, dropped with the cached pages (data-memo.ts). */
export async function loadHome() {
  const [featured, trending, posts, newest, categories] = await memoized("home", ["lists"], () =>
    Promise.all([getFeaturedListings(6), getTrendingPosts(4), getLatestPosts(12), getNewestListings(6), getCategoryTree()]),
  );
  return { featured, trending, posts, newest, categories };
}

export type HomeData = Awaited<ReturnType<typeof loadHome>>;

export const HOME_CACHE_TAGS = ["lists"];
export const HOME_PAGE_CLASS = "space-y-12";

/** A category of the side tree with its count, and its subcategories under it. */
function categoryItem(category: HomeData["categories"][number]): Html {
  const children =
    category.children.length > 0 &&
    html`<ul class="ml-4 text-sm">${category.children.map((child) => html`<li><a href="/categories/${child.slug}" class="hover:underline">${child.name}</a> <span class="text-stone-500 dark:text-stone-400">(${child.blogCount})</span></li>`)}</ul>`;
  return html`<li><a href="/categories/${category.slug}" class="font-medium hover:underline">${category.name}</a> <span class="text-sm text-stone-500 dark:text-stone-400">(${category.blogCount})</span>${children}</li>`;
}

/** A newly listed blog, its name and one line of its description. */
function newestItem(listing: HomeData["newest"][number]): Html {
  return html`<li><a href="/blogs/${listing.slug}" class="font-medium hover:underline">${listing.name}</a><p class="line-clamp-1 text-sm text-stone-600 dark:text-stone-400">${listing.description}</p></li>`;
}

/** Inside the page: what the site is, the featured Business Listings, trending and latest posts, the category tree and the newest blogs. */
export function homeMain({ featured, trending, posts, newest, categories }: HomeData): Html {
  // The site and its search, for search engines' sitelinks search box.
  const website = jsonLdScript({
    "@type": "WebSite",
    name: "BlogAtlas",
    url: siteUrl("/"),
    potentialAction: { "@type": "SearchAction", target: { "@type": "EntryPoint", urlTemplate: `${siteUrl("/search")}?q={search_term_string}` }, "query-input": "required name=search_term_string" },
  });
  return html`${website}<section aria-labelledby="intro" class="max-w-3xl"><h1 id="intro" class="text-3xl font-bold tracking-tight sm:text-4xl">Find blogs worth following</h1><p class="mt-3 text-lg text-stone-600 dark:text-stone-300">BlogAtlas lists independent blogs by topic and mirrors their newest posts, always crediting and linking the original.</p></section>${featuredSection(
    featured,
  )}<div class="grid gap-10 lg:grid-cols-[2fr_1fr]"><div class="space-y-10">${postSection("trending", "Trending now", trending)}${postSection("latest", "Latest posts", posts)}</div><aside class="space-y-10"><section aria-labelledby="categories"><h2 id="categories" class="mb-4 text-xl font-semibold">Categories</h2><ul class="space-y-1">${categories.map(categoryItem)}</ul></section><section aria-labelledby="newest"><h2 id="newest" class="mb-4 text-xl font-semibold">Newest blogs</h2><ul class="space-y-2">${newest.map(newestItem)}</ul></section></aside></div>`;
}

/** The whole home page for a visitor, written without React (decision 012). */
export function homeDocument(data: HomeData, { nonce, assets }: { nonce: string; assets: DocumentAssets }): string {
  return pageDocument({ meta: SITE_META, cacheTags: HOME_CACHE_TAGS, main: html`<div class="${HOME_PAGE_CLASS}">${homeMain(data)}</div>`, nonce, assets });
}
