// A tag's page, as markup (decision 012): the React page (app/(site)/tags/[slug]/page.tsx) renders
// it for members and under `next dev`, and the door writes it into a document for visitors
// (lib/page-cache/documents.ts).
import { getRanking, getTag } from "@/lib/categories/queries";
import { ZCategorySlug, ZRankCursor } from "@/lib/categories/schemas";
import { getTagPosts } from "@/lib/posts/queries";
import { html, type Html } from "./html";
import type { PageMeta } from "./page-meta";
import { rankedListings } from "./ranked-listings";
import { type DocumentAssets, pageDocument } from "./site-shell";

type Tag = NonNullable<Awaited<ReturnType<typeof getTag>>>;

/** A tag by its slug; null for no such tag. */
export async function loadTag(rawSlug: string): Promise<Tag | null> {
  const slug = ZCategorySlug.safeParse(rawSlug);
  return slug.success ? getTag(slug.data) : null;
}

/** One page of a tag's ranking (after `rawAfter`, a cursor), with its latest posts on the first; null for a cursor that is not one. */
export async function loadTagPage(tag: Tag, rawAfter: string | string[] | undefined) {
  const cursor = typeof rawAfter === "string" ? ZRankCursor.safeParse(rawAfter) : undefined;
  if (cursor && !cursor.success) return null;
  const [ranking, posts] = await Promise.all([getRanking("tag", tag.id, cursor?.data), cursor ? [] : getTagPosts(tag.id, 6)]);
  return { tag, firstPage: !cursor, ranking, posts };
}

export type TagPageData = NonNullable<Awaited<ReturnType<typeof loadTagPage>>>;

export const TAG_CACHE_TAGS = ["lists"];
export const TAG_PAGE_CLASS = "space-y-10";

export const tagMeta = (tag: Tag): PageMeta => ({ title: `Blogs tagged ${tag.name}`, description: `Blogs about ${tag.name.toLowerCase()}, ranked, with their newest posts.` });

/** Inside the page: its title, then the tag's ranking beside its latest posts. */
export function tagMain({ tag, firstPage, ranking, posts }: TagPageData): Html {
  const ranked = rankedListings({ basePath: `/tags/${tag.slug}`, firstPage, listings: ranking.listings, next: ranking.next, latestPosts: posts, emptyText: "No blogs carry this tag yet." });
  return html`<h1 class="text-3xl font-bold tracking-tight">Blogs tagged “${tag.name}”</h1>${ranked}`;
}

/** The whole tag page for a visitor, written without React (decision 012). */
export function tagDocument(page: TagPageData, { nonce, assets }: { nonce: string; assets: DocumentAssets }): string {
  return pageDocument({ meta: tagMeta(page.tag), cacheTags: TAG_CACHE_TAGS, main: html`<div class="${TAG_PAGE_CLASS}">${tagMain(page)}</div>`, nonce, assets });
}
