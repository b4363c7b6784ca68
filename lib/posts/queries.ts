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

/**
 * The post page's one lookup, the `publicPostWhere` rules in SQL (a test checks they agree), sent as
 * a prepared statement: it runs on every post page a cache has not kept (lib/db.ts, hotRows).
 */
const PUBLIC_POST_SQL = `
SELECT p.id, p.url, p.title, p.authors, p."publishedAt", p."feedUpdatedAt", p."contentHtml", p.excerpt, p."imageUrl", p."readingMinutes",
       b.id AS blog_id, b.slug AS blog_slug, b.name AS blog_name, b.tier AS blog_tier, b."mirrorMode" AS "blog_mirrorMode",
       b."siteUrl" AS "blog_siteUrl", b."iconUrl" AS "blog_iconUrl", b."verifiedAt" AS "blog_verifiedAt"
  FROM "Post" p JOIN "Blog" b ON b.id = p."blogId"
 WHERE p.id = $1 AND p."hiddenAt" IS NULL AND b.status IN ('ACTIVE', 'DORMANT') AND b."mirrorMode" <> 'NONE'`;

export async function getPublicPost(id: string): Promise<TPostPage | null> {
  const [row] = await hotRows<PostPageRow>({ name: "public-post", text: PUBLIC_POST_SQL, values: [id] });
  if (!row) return null;
  const { blog_id, blog_slug, blog_name, blog_tier, blog_mirrorMode, blog_siteUrl, blog_iconUrl, blog_verifiedAt, ...post } = row;
  return { ...post, blog: { id: blog_id, slug: blog_slug, name: blog_name, tier: blog_tier, mirrorMode: blog_mirrorMode, siteUrl: blog_siteUrl, iconUrl: blog_iconUrl, verifiedAt: blog_verifiedAt } };
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

/** The OR of a title's distinctive words as a tsquery, or null when it has none. */
export function relatedQueryOf(title: string): string | null {
  const words = [...new Set(title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 4 && /^[\p{L}\p{N}]+$/u.test(word)))].slice(0, 8);
  return words.length ? words.join(" | ") : null;
}

/**
 * Related posts are ranked among the newest 50 posts sharing a word of the title. At 200 the query
 * was a quarter of a post page's cost on the scale seed (2.2 ms of database time a page; post pages
 * without the page cache 156-169 → 193-214 req/s at 50): four cards need recent, similar posts,
 * not the best of a larger pool.
 */
const RELATED_CANDIDATES = 50;
/**
 * Only the best dozen are checked against their listing's visibility (joining all 50 to their blog
 * was a quarter of the query: 0.9 → 0.75 ms a post page on the scale seed). Should most of them come
 * from hidden listings, the same blog's posts top the four up.
 */
const RELATED_RANKED = 12;

/** Posts on similar subjects (full-text match on the title's words), topped up from the same blog. */
export async function getRelatedPosts(post: { id: string; title: string; blog: { id: string } }, limit = 4) {
  const query = relatedQueryOf(post.title);
  // The cards come with the ranking, in one round trip (the page's third query used to fetch them).
  const ordered: TPostCard[] = query
    ? await hotRows<TPostCard>({
        // Ranked among the newest RELATED_CANDIDATES matches (common words match a third of a
        // million posts, and ranking them all took seconds), then the best RELATED_RANKED are
        // joined to their listing. The planner walks the publishedAt index for common words and
        // the GIN index for rare ones (the query is inlined, not a CTE, so it can estimate which).
        // Its estimate for a rare word needs the statistics target that migration
        // 20261128140000_search_vector_statistics sets on "searchVector" (a test checks it is there).
        text: `SELECT r.id, r.title, r.excerpt, r."imageUrl", r."publishedAt", r."readingMinutes", r.authors,
                json_build_object('slug', b.slug, 'name', b.name, 'tier', b.tier) AS blog
           FROM (SELECT c.*, ts_rank_cd(c."searchVector", to_tsquery('english', $2)) AS rank
                   FROM (SELECT p.id, p.title, p.excerpt, p."imageUrl", p."publishedAt", p."readingMinutes", p.authors, p."searchVector", p."blogId"
                           FROM "Post" p
                          WHERE p.id <> $1 AND p."searchVector" @@ to_tsquery('english', $2) AND p."hiddenAt" IS NULL
                          ORDER BY p."publishedAt" DESC
                          LIMIT ${RELATED_CANDIDATES}) c
                  ORDER BY rank DESC, c."publishedAt" DESC, c.id
                  LIMIT ${RELATED_RANKED}) r
           JOIN "Blog" b ON b.id = r."blogId"
          WHERE b.status IN ('ACTIVE', 'DORMANT') AND b."mirrorMode" <> 'NONE'
          ORDER BY r.rank DESC, r."publishedAt" DESC, r.id
          LIMIT $3`,
        // Not prepared: the plan must see the words (the GIN index for rare ones, the date index for common ones).
        values: [post.id, query, limit],
      })
    : [];
  const ids = ordered.map((card) => card.id);
  if (ordered.length < limit) {
    const more = await db.post.findMany({
      where: { ...publicPostWhere, blogId: post.blog.id, id: { notIn: [post.id, ...ids] } },
      select: postCardSelect,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: limit - ordered.length,
    });
    ordered.push(...more);
  }
  return ordered;
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
