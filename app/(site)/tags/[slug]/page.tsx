import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ListingCard } from "@/components/listing-card";
import { PostCard } from "@/components/post-card";
import { getRanking, getTag } from "@/lib/categories/queries";
import { ZCategorySlug, ZRankCursor } from "@/lib/categories/schemas";
import { getTagPosts } from "@/lib/posts/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string | string[] }> };

const loadTag = cache(async (raw: string) => {
  const slug = ZCategorySlug.safeParse(raw);
  return slug.success ? getTag(slug.data) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await loadTag((await params).slug);
  return tag ? { title: `Blogs tagged ${tag.name}`, description: `Blogs about ${tag.name.toLowerCase()}, ranked, with their newest posts.` } : {};
}

export default async function TagPage({ params, searchParams }: Props) {
  const tag = await loadTag((await params).slug);
  if (!tag) notFound();
  const rawAfter = (await searchParams).after;
  const cursor = typeof rawAfter === "string" ? ZRankCursor.safeParse(rawAfter) : undefined;
  if (cursor && !cursor.success) notFound();
  const [ranking, posts] = await Promise.all([getRanking("tag", tag.id, cursor?.data), cursor ? [] : getTagPosts(tag.id, 6)]);
  return (
    <div className="space-y-10">
      <h1 className="text-3xl font-bold tracking-tight">Blogs tagged “{tag.name}”</h1>
      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="ranking">
          <h2 id="ranking" className="mb-1 text-xl font-semibold">
            {cursor ? "More blogs" : "Top blogs"}
          </h2>
          <p className="mb-4 text-sm text-stone-500 dark:text-stone-400">
            Ranked by posting regularity, freshness, subscribers and click-through; payment never changes this order.
          </p>
          {ranking.listings.length === 0 ? (
            <p>No blogs carry this tag yet.</p>
          ) : (
            <ol className="space-y-3">
              {ranking.listings.map((listing) => (
                <li key={listing.id}>
                  <ListingCard listing={listing} />
                </li>
              ))}
            </ol>
          )}
          <nav aria-label="Ranking pages" className="mt-6 flex gap-4">
            {cursor && (
              <Link href={`/tags/${tag.slug}`} className="font-semibold text-teal-800 underline dark:text-teal-300">
                ← Back to the top
              </Link>
            )}
            {ranking.next && (
              <Link href={`/tags/${tag.slug}?after=${ranking.next.score}_${ranking.next.id}`} className="font-semibold text-teal-800 underline dark:text-teal-300">
                More blogs →
              </Link>
            )}
          </nav>
        </section>
        {posts.length > 0 && (
          <section aria-labelledby="latest">
            <h2 id="latest" className="mb-4 text-xl font-semibold">
              Latest posts
            </h2>
            <div className="space-y-4">
              {posts.map((post) => (
                <PostCard key={post.id} post={post} />
              ))}
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
