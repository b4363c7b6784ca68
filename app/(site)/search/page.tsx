import { CacheTags } from "@/components/cache-tags";
import type { Metadata } from "next";
import Link from "next/link";
import { HtmlBlock } from "@/components/html";
import { blogHit, postHit } from "@/components/search-hit";
import { getCategoryTree } from "@/lib/categories/queries";
import { ZSearchParams } from "@/lib/search/schemas";
import { searchBlogs, searchPosts } from "@/lib/search/queries";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q;
  return { title: typeof q === "string" && q.trim() ? `Search: ${q.trim().slice(0, 60)}` : "Search", robots: { index: false } };
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

export default async function SearchPage({ searchParams }: Props) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = ZSearchParams.safeParse(raw);
  const categories = await getCategoryTree();
  const params = parsed.success ? parsed.data : null;
  const [posts, blogs] = params?.q ? await Promise.all([searchPosts(params), params.page === 1 ? searchBlogs(params.q) : []]) : [null, []];
  const pageLink = (page: number) => `/search?${new URLSearchParams(Object.entries({ ...raw, page: String(page) }).filter((entry): entry is [string, string] => Boolean(entry[1])))}`;
  const input = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-900";
  return (
    <div className="space-y-8">
      <CacheTags tags={["lists"]} />
      <h1 className="text-3xl font-bold tracking-tight">Search blogs and posts</h1>
      <form action="/search" method="get" className="grid gap-4 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 dark:border-stone-700 dark:bg-stone-900" role="search">
        <label className="sm:col-span-2 lg:col-span-2">
          <span className="text-sm font-medium">Words to look for</span>
          <input type="search" name="q" defaultValue={raw.q ?? ""} maxLength={200} className={input} placeholder="sourdough, night trains, type inference…" />
        </label>
        <label>
          <span className="text-sm font-medium">Category</span>
          <select name="category" defaultValue={raw.category ?? ""} className={input}>
            <option value="">All categories</option>
            {categories.flatMap((category) => [category, ...category.children]).map((category) => (
              <option key={category.id} value={category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="text-sm font-medium">Language</span>
          <select name="lang" defaultValue={raw.lang ?? ""} className={input}>
            {LANGUAGES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <div className="grid grid-cols-2 gap-2">
          <label>
            <span className="text-sm font-medium">From</span>
            <input type="date" name="from" defaultValue={raw.from ?? ""} className={input} />
          </label>
          <label>
            <span className="text-sm font-medium">To</span>
            <input type="date" name="to" defaultValue={raw.to ?? ""} className={input} />
          </label>
        </div>
        <div className="sm:col-span-2 lg:col-span-5">
          <button type="submit" className="rounded-lg bg-teal-700 px-5 py-2 font-semibold text-white hover:bg-teal-800">
            Search
          </button>
        </div>
      </form>

      {!parsed.success && (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p className="font-semibold">Please correct the search:</p>
          <ul className="mt-1 list-disc pl-5">
            {parsed.error.issues.map((issue) => (
              <li key={issue.path.join(".")}>
                {({ q: "The words", category: "The category", lang: "The language", from: "The start date", to: "The end date", page: "The page" } as Record<string, string>)[String(issue.path[0])] ?? "A field"} {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {blogs.length > 0 && (
        <section aria-labelledby="blog-hits">
          <h2 id="blog-hits" className="mb-3 text-xl font-semibold">
            Blogs
          </h2>
          <HtmlBlock as="ul" className="grid gap-3 sm:grid-cols-2">
            {blogs.map(blogHit)}
          </HtmlBlock>
        </section>
      )}

      {posts && (
        <section aria-labelledby="post-hits">
          <h2 id="post-hits" className="mb-3 text-xl font-semibold">
            Posts
          </h2>
          {posts.hits.length === 0 ? (
            <div className="rounded-xl border border-dashed border-stone-300 p-6 dark:border-stone-600">
              <p className="font-medium">No posts match “{params?.q}”{params?.category || params?.lang || params?.from || params?.to ? " with these filters" : ""}.</p>
              <p className="mt-2 text-stone-600 dark:text-stone-300">Try fewer or different words, remove a filter, or browse a category:</p>
              <ul className="mt-3 flex flex-wrap gap-2">
                {categories.map((category) => (
                  <li key={category.id}>
                    <Link href={`/search?q=${encodeURIComponent(params?.q ?? "")}&category=${category.slug}`} className="inline-block rounded-full border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800">
                      {category.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <HtmlBlock as="ol" className="space-y-4">
              {posts.hits.map(postHit)}
            </HtmlBlock>
          )}
          <nav aria-label="Search result pages" className="mt-6 flex gap-4">
            {params && params.page > 1 && (
              <Link href={pageLink(params.page - 1)} className="font-semibold text-teal-800 underline dark:text-teal-300">
                ← Previous page
              </Link>
            )}
            {params && posts.hasMore && params.page < 50 && (
              <Link href={pageLink(params.page + 1)} className="font-semibold text-teal-800 underline dark:text-teal-300">
                Next page →
              </Link>
            )}
          </nav>
        </section>
      )}
    </div>
  );
}
