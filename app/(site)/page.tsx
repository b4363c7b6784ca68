import { CacheTags } from "@/components/cache-tags";
import { FeaturedListings } from "@/components/featured-listings";
import { html, HtmlBlock, type Html } from "@/components/html";
import { JsonLd, siteUrl } from "@/components/json-ld";
import { PostSection } from "@/components/post-section";
import { getCategoryTree } from "@/lib/categories/queries";
import { getFeaturedListings, getNewestListings } from "@/lib/listings/queries";
import { getTrendingPosts } from "@/lib/analytics/post-views";
import { memoized } from "@/lib/page-cache/data-memo";
import { getLatestPosts } from "@/lib/posts/queries";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  // The same for every visitor: kept for a few seconds, dropped with the cached pages (data-memo.ts).
  const [featured, trending, posts, newest, categories] = await memoized("home", ["lists"], () =>
    Promise.all([getFeaturedListings(6), getTrendingPosts(4), getLatestPosts(12), getNewestListings(6), getCategoryTree()]),
  );
  return (
    <div className="space-y-12">
      <CacheTags tags={["lists"]} />
      {/* The site and its search, for search engines' sitelinks search box. */}
      <JsonLd
        data={{
          "@type": "WebSite",
          name: "BlogAtlas",
          url: siteUrl("/"),
          potentialAction: { "@type": "SearchAction", target: { "@type": "EntryPoint", urlTemplate: `${siteUrl("/search")}?q={search_term_string}` }, "query-input": "required name=search_term_string" },
        }}
      />
      <section aria-labelledby="intro" className="max-w-3xl">
        <h1 id="intro" className="text-3xl font-bold tracking-tight sm:text-4xl">
          Find blogs worth following
        </h1>
        <p className="mt-3 text-lg text-stone-600 dark:text-stone-300">
          BlogAtlas lists independent blogs by topic and mirrors their newest posts, always crediting and linking the original.
        </p>
      </section>

      <FeaturedListings listings={featured} />

      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-10">
          <PostSection id="trending" title="Trending now" posts={trending} />
          <PostSection id="latest" title="Latest posts" posts={posts} />
        </div>
        <aside className="space-y-10">
          <section aria-labelledby="categories">
            <h2 id="categories" className="mb-4 text-xl font-semibold">
              Categories
            </h2>
            <HtmlBlock as="ul" className="space-y-1">
              {categories.map(categoryItem)}
            </HtmlBlock>
          </section>
          <section aria-labelledby="newest">
            <h2 id="newest" className="mb-4 text-xl font-semibold">
              Newest blogs
            </h2>
            <HtmlBlock as="ul" className="space-y-2">
              {newest.map(newestItem)}
            </HtmlBlock>
          </section>
        </aside>
      </div>
    </div>
  );
}

type CategoryEntry = Awaited<ReturnType<typeof getCategoryTree>>[number];

/** A category of the side tree with its count, and its subcategories under it (markup: components/html.tsx). */
function categoryItem(category: CategoryEntry): Html {
  const children =
    category.children.length > 0 &&
    html`<ul class="ml-4 text-sm">${category.children.map((child) => html`<li><a href="/categories/${child.slug}" class="hover:underline">${child.name}</a> <span class="text-stone-500 dark:text-stone-400">(${child.blogCount})</span></li>`)}</ul>`;
  return html`<li><a href="/categories/${category.slug}" class="font-medium hover:underline">${category.name}</a> <span class="text-sm text-stone-500 dark:text-stone-400">(${category.blogCount})</span>${children}</li>`;
}

/** A newly listed blog, its name and one line of its description (markup: components/html.tsx). */
function newestItem(listing: Awaited<ReturnType<typeof getNewestListings>>[number]): Html {
  return html`<li><a href="/blogs/${listing.slug}" class="font-medium hover:underline">${listing.name}</a><p class="line-clamp-1 text-sm text-stone-600 dark:text-stone-400">${listing.description}</p></li>`;
}
