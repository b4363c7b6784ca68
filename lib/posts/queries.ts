// Public reads of mirrored posts: never a hidden post, nor one of a listing that is not public or
// whose owner chose not to be mirrored.
import "server-only";
import { db, hotRows } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publicListingWhere } from "@/lib/listings/queries";
import { postCardSelect, type TPostCard, type TPostPage } from "./selects";

export const publicPostWhere = {
  hiddenAt: null,
  blog: { ...publicListingWhere, mirrorMode: { not: "NONE" } },
} satisfies Prisma.PostWhereInput;

export function getLatestPosts(limit: number) {
  return db.post.findMany({
    where: publicPostWhere,
    select: postCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

export function getListingPosts(blogId: string, limit: number) {
  return db.post.findMany({
    where: { ...publicPostWhere, blogId },
    select: postCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

/** A post page's row: the post and its listing's fields flat, as `postPageSelect` names them. */
type PostPageRow = Omit<TPostPage, "blog"> & { [K in keyof TPostPage["blog"] as `blog_${K & string}`]: TPostPage["blog"][K] };

/** The post lookup, the `publicPostWhere` rules in SQL (a test checks they agree). */
const publicPostSql = (extraColumns = "") => `
SELECT p.id, p.url, p.title, p.authors, p."publishedAt", p."feedUpdatedAt", p."contentHtml", p.excerpt, p."imageUrl", p."readingMinutes",
       b.id AS blog_id, b.slug AS blog_slug, b.name AS blog_name, b.tier AS blog_tier, b."mirrorMode" AS "blog_mirrorMode",
       b."siteUrl" AS "blog_siteUrl", b."iconUrl" AS "blog_iconUrl", b."verifiedAt" AS "blog_verifiedAt"${extraColumns}
  FROM "Post" p JOIN "Blog" b ON b.id = p."blogId"
 WHERE p.id = $1 AND p."hiddenAt" IS NULL AND b.status IN ('ACTIVE', 'DORMANT') AND b."mirrorMode" <> 'NONE'`;

function postOfRow(row: PostPageRow): TPostPage {
  const { blog_id, blog_slug, blog_name, blog_tier, blog_mirrorMode, blog_siteUrl, blog_iconUrl, blog_verifiedAt, ...post } = row;
  return { ...post, blog: { id: blog_id, slug: blog_slug, name: blog_name, tier: blog_tier, mirrorMode: blog_mirrorMode, siteUrl: blog_siteUrl, iconUrl: blog_iconUrl, verifiedAt: blog_verifiedAt } };
}

/** Cards as `related_post_cards` writes them in JSON, where a date is a string. */
type RelatedCardJson = Omit<TPostCard, "publishedAt"> & { publishedAt: string };
const cardsOfJson = (cards: RelatedCardJson[]): TPostCard[] => cards.map((card) => ({ ...card, publishedAt: new Date(card.publishedAt) }));

/** How many related posts a post page shows. */
const RELATED_POSTS = 4;

/**
 * A public post and nothing else (its Open Graph image), as a prepared statement: planned once per
 * connection (lib/db.ts, hotRows).
 */
export async function getPublicPost(id: string): Promise<TPostPage | null> {
  const [row] = await hotRows<PostPageRow>({ name: "public-post", text: publicPostSql(), values: [id] });
  return row ? postOfRow(row) : null;
}

/**
 * A post page's one query: the post and its related posts (`related_post_cards`, migration
 * 20261129060000_related_posts_in_database), in one round trip. It runs on every post page the
 * page cache has not kept; as two statements the related posts were a quarter of such a page's
 * cost, half of that the second round trip (docs/decisions/007). Prepared: the lookup's plan suits
 * every post, and the function plans its ranking afresh with the title's words in it.
 */
export async function getPublicPostPage(id: string): Promise<{ post: TPostPage; related: TPostCard[] } | null> {
  const [row] = await hotRows<PostPageRow & { related: RelatedCardJson[] }>({
    name: "public-post-page",
    text: publicPostSql(`,\n       related_post_cards(p.id, p.title, b.id, $2) AS related`),
    values: [id, RELATED_POSTS],
  });
  if (!row) return null;
  const { related, ...post } = row;
  return { post: postOfRow(post), related: cardsOfJson(related) };
}

/** Public posts of the listings in any of these categories. */
export const categoryPostsWhere = (categoryIds: string[]) =>
  ({ ...publicPostWhere, blog: { ...publicPostWhere.blog, categories: { some: { categoryId: { in: categoryIds } } } } }) satisfies Prisma.PostWhereInput;

/** The newest posts of the listings in any of these categories. */
export function getCategoryPosts(categoryIds: string[], limit: number) {
  return db.post.findMany({
    where: categoryPostsWhere(categoryIds),
    select: postCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

/** The newest posts of the listings that carry a tag. */
export function getTagPosts(tagId: string, limit: number) {
  return db.post.findMany({
    where: { ...publicPostWhere, blog: { ...publicPostWhere.blog, tags: { some: { tagId } } } },
    select: postCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}
