// The search page, as markup (decision 012): the React page (app/(site)/search/page.tsx) renders it
// for members and under `next dev`, and the door writes it into a document for visitors
// (lib/page-cache/documents.ts).
import { getCategoryTree } from "@/lib/categories/queries";
import { ZSearchParams } from "@/lib/search/schemas";
import { searchBlogs, searchPosts } from "@/lib/search/queries";
import { html, type Html } from "./html";
import type { PageMeta } from "./page-meta";
import { blogHit, postHit } from "./search-hit";
import { type DocumentAssets, pageDocument } from "./site-shell";

/** The query string as the page reads it: the first value of each parameter. */
export type SearchQuery = Record<string, string | undefined>;

/** The first value of each parameter of the query as Next gives it (a parameter given twice is a list). */
export const searchQueryOf = (params: Record<string, string | string[] | undefined>): SearchQuery =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));

/** The query's results: posts (a page of them) and, on the first page, blogs; nothing to show without words or with a malformed query. */
export async function loadSearchPage(query: Record<string, string | string[] | undefined>) {
  const raw = searchQueryOf(query);
  const parsed = ZSearchParams.safeParse(raw);
  const categories = await getCategoryTree();
  const params = parsed.success ? parsed.data : null;
  const [posts, blogs] = params?.q ? await Promise.all([searchPosts(params), params.page === 1 ? searchBlogs(params.q) : []]) : [null, []];
  return { raw, issues: parsed.success ? [] : parsed.error.issues, params, categories, posts, blogs };
}

export type SearchPageData = Awaited<ReturnType<typeof loadSearchPage>>;

export const SEARCH_CACHE_TAGS = ["lists"];
export const SEARCH_PAGE_CLASS = "space-y-8";

export function searchMeta(raw: SearchQuery): PageMeta {
  const q = raw.q?.trim();
  return { title: q ? `Search: ${q.slice(0, 60)}` : "Search", robots: "noindex" };
}

const LANGUAGES = [
  ["", "Any language"],
  ["en", "English"],
  ["de", "German"],
  ["fr", "French"],
  ["es", "Spanish"],
  ["pt", "Portuguese"],
  ["it", "Italian"],
  ["nl", "Dutch"],
] as const;

const FIELD_NAMES: Record<string, string> = { q: "The words", category: "The category", lang: "The language", from: "The start date", to: "The end date", page: "The page" };

const INPUT = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-900";
const LINK = "font-semibold text-teal-800 underline dark:text-teal-300";

const option = (value: string, name: string, chosen: string | undefined) => html`<option value="${value}"${value === (chosen ?? "") ? html` selected=""` : ""}>${name}</option>`;

/**
 * Inside the page: the search form with its filters (as the query gave them), what is wrong with a
 * malformed query, matching blogs, matching posts with their snippets and pages, and an empty state
 * that offers the categories.
 */
export function searchMain({ raw, issues, params, categories, posts, blogs }: SearchPageData): Html {
  const pageLink = (page: number) => `/search?${new URLSearchParams(Object.entries({ ...raw, page: String(page) }).filter((entry): entry is [string, string] => Boolean(entry[1])))}`;
  const form = html`<form action="/search" method="get" class="grid gap-4 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 dark:border-stone-700 dark:bg-stone-900" role="search"><label class="sm:col-span-2 lg:col-span-2"><span class="text-sm font-medium">Words to look for</span><input type="search" name="q" value="${raw.q ?? ""}" maxlength="200" class="${INPUT}" placeholder="sourdough, night trains, type inference…"/></label><label><span class="text-sm font-medium">Category</span><select name="category" class="${INPUT}">${option("", "All categories", raw.category)}${categories
    .flatMap((category) => [category, ...category.children])
    .map((category) => option(category.slug, category.name, raw.category))}</select></label><label><span class="text-sm font-medium">Language</span><select name="lang" class="${INPUT}">${LANGUAGES.map(([code, name]) => option(code, name, raw.lang))}</select></label><div class="grid grid-cols-2 gap-2"><label><span class="text-sm font-medium">From</span><input type="date" name="from" value="${raw.from ?? ""}" class="${INPUT}"/></label><label><span class="text-sm font-medium">To</span><input type="date" name="to" value="${raw.to ?? ""}" class="${INPUT}"/></label></div><div class="sm:col-span-2 lg:col-span-5"><button type="submit" class="rounded-lg bg-teal-700 px-5 py-2 font-semibold text-white hover:bg-teal-800">Search</button></div></form>`;
  const problems =
    issues.length > 0 &&
    html`<div role="alert" class="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"><p class="font-semibold">Please correct the search:</p><ul class="mt-1 list-disc pl-5">${issues.map((issue) => html`<li>${FIELD_NAMES[String(issue.path[0])] ?? "A field"} ${issue.message}</li>`)}</ul></div>`;
  const blogSection = blogs.length > 0 && html`<section aria-labelledby="blog-hits"><h2 id="blog-hits" class="mb-3 text-xl font-semibold">Blogs</h2><ul class="grid gap-3 sm:grid-cols-2">${blogs.map(blogHit)}</ul></section>`;
  const filtered = params?.category || params?.lang || params?.from || params?.to ? " with these filters" : "";
  const empty = html`<div class="rounded-xl border border-dashed border-stone-300 p-6 dark:border-stone-600"><p class="font-medium">No posts match “${params?.q}”${filtered}.</p><p class="mt-2 text-stone-600 dark:text-stone-300">Try fewer or different words, remove a filter, or browse a category:</p><ul class="mt-3 flex flex-wrap gap-2">${categories.map(
    (category) =>
      html`<li><a href="/search?q=${encodeURIComponent(params?.q ?? "")}&category=${category.slug}" class="inline-block rounded-full border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800">${category.name}</a></li>`,
  )}</ul></div>`;
  const postSection =
    posts &&
    html`<section aria-labelledby="post-hits"><h2 id="post-hits" class="mb-3 text-xl font-semibold">Posts</h2>${posts.hits.length === 0 ? empty : html`<ol class="space-y-4">${posts.hits.map(postHit)}</ol>`}<nav aria-label="Search result pages" class="mt-6 flex gap-4">${
      params && params.page > 1 && html`<a href="${pageLink(params.page - 1)}" class="${LINK}">← Previous page</a>`
    }${params && posts.hasMore && params.page < 50 && html`<a href="${pageLink(params.page + 1)}" class="${LINK}">Next page →</a>`}</nav></section>`;
  return html`<h1 class="text-3xl font-bold tracking-tight">Search blogs and posts</h1>${form}${problems}${blogSection}${postSection}`;
}

/** The whole search page for a visitor, written without React (decision 012). */
export function searchDocument(data: SearchPageData, { nonce, assets }: { nonce: string; assets: DocumentAssets }): string {
  return pageDocument({ meta: searchMeta(data.raw), cacheTags: SEARCH_CACHE_TAGS, main: html`<div class="${SEARCH_PAGE_CLASS}">${searchMain(data)}</div>`, nonce, assets });
}
