import { CacheTags } from "@/components/cache-tags";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { FeaturedListings } from "@/components/featured-listings";
import { breadcrumbList, JsonLd } from "@/components/json-ld";
import { RankedListings } from "@/components/ranked-listings";
import { getCategory, getCategoryRanking } from "@/lib/categories/queries";
import { ZCategorySlug, ZRankCursor } from "@/lib/categories/schemas";
import { getFeaturedListings } from "@/lib/listings/queries";
import { getCategoryPosts } from "@/lib/posts/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string | string[] }> };

const loadCategory = cache(async (raw: string) => {
  const slug = ZCategorySlug.safeParse(raw);
  return slug.success ? getCategory(slug.data) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await loadCategory((await params).slug);
  if (!category) return {};
  return {
    title: `${category.name} blogs`,
    description: category.description ?? `The best ${category.name} blogs, ranked, with their newest posts.`,
    alternates: {
      types: {
        "application/rss+xml": [{ url: `/categories/${category.slug}/rss.xml`, title: `${category.name} (RSS)` }],
        "application/atom+xml": [{ url: `/categories/${category.slug}/atom.xml`, title: `${category.name} (Atom)` }],
      },
    },
  };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const category = await loadCategory((await params).slug);
  if (!category) notFound();
  const rawAfter = (await searchParams).after;
  const cursor = typeof rawAfter === "string" ? ZRankCursor.safeParse(rawAfter) : undefined;
  if (cursor && !cursor.success) notFound();
  const firstPage = !cursor;
  const [featured, ranking, posts] = await Promise.all([
    firstPage ? getFeaturedListings(2, { categoryId: category.id }) : [],
    getCategoryRanking(category.id, cursor?.data),
    firstPage ? getCategoryPosts([category.id, ...category.children.map((child) => child.id)], 6) : [],
  ]);
  return (
    <div className="space-y-10">
      <CacheTags tags={["lists", `category:${category.id}`]} />
      <JsonLd data={breadcrumbList([...(category.parent ? [[category.parent.name, `/categories/${category.parent.slug}`] as [string, string]] : []), [category.name, `/categories/${category.slug}`]])} />
      <header>
        {category.parent && (
          <p className="text-sm">
            <Link href={`/categories/${category.parent.slug}`} className="underline">
              {category.parent.name}
            </Link>{" "}
            ›
          </p>
        )}
        <h1 className="text-3xl font-bold tracking-tight">{category.name} blogs</h1>
        {category.description && <p className="mt-2 text-lg text-stone-600 dark:text-stone-300">{category.description}</p>}
        {category.children.length > 0 && (
          <ul className="mt-4 flex flex-wrap gap-2" aria-label="Subcategories">
            {category.children.map((child) => (
              <li key={child.id}>
                <Link href={`/categories/${child.slug}`} className="inline-block rounded-full border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800">
                  {child.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </header>

      <FeaturedListings listings={featured} />
      <RankedListings
        basePath={`/categories/${category.slug}`}
        firstPage={firstPage}
        listings={ranking.listings}
        next={ranking.next}
        latestPosts={posts}
        emptyText="No blogs listed here yet."
      />
    </div>
  );
}
