import { CacheTags } from "@/components/cache-tags";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { RankedListings } from "@/components/ranked-listings";
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
      <CacheTags tags={["lists"]} />
      <h1 className="text-3xl font-bold tracking-tight">Blogs tagged “{tag.name}”</h1>
      <RankedListings
        basePath={`/tags/${tag.slug}`}
        firstPage={!cursor}
        listings={ranking.listings}
        next={ranking.next}
        latestPosts={posts}
        emptyText="No blogs carry this tag yet."
      />
    </div>
  );
}
