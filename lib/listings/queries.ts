// Public reads of listings. Only listings a visitor may see (active, or dormant with their archive)
// leave this module; pending, rejected and suspended ones answer as if they did not exist.
import "server-only";
import { db, hotRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TPostCard } from "@/lib/posts/selects";
import type { TPostCursor } from "./schemas";
import { listingCardSelect, listingPageSelect, type TListingCard, type TListingPage } from "./selects";

export const publicListingWhere = { status: { in: ["ACTIVE", "DORMANT"] } } satisfies Prisma.BlogWhereInput;

/**
 * Business Listings for the featured slots (of the home page, or of one category), rotated
 * fairly: every hour the order shifts by one, so each paying listing gets the first slot equally often.
 */
export async function getFeaturedListings(limit: number, options: { categoryId?: string; now?: Date } = {}): Promise<TListingCard[]> {
  const hour = Math.floor((options.now ?? new Date()).getTime() / 3_600_000);
  // Only the ids of the slots are ranked (a directory can have thousands of paying listings): the
  // window of `limit` listings that starts at this hour's offset, wrapping round to the first ones,
  // in one query.
  const inCategory = options.categoryId
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "BlogCategory" bc WHERE bc."blogId" = b.id AND bc."categoryId" = ${options.categoryId})`
    : Prisma.empty;
  const ids = (
    await db.$queryRaw<Array<{ id: string }>>`
      WITH paying AS (
        SELECT b.id, row_number() OVER (ORDER BY b.id) - 1 AS n, count(*) OVER () AS total
          FROM "Blog" b
         WHERE b.status IN ('ACTIVE', 'DORMANT') AND b.tier = 'BUSINESS' ${inCategory})
      SELECT id FROM paying ORDER BY (n - ${hour} % total + total) % total LIMIT ${limit}`
  ).map((row) => row.id);
  if (ids.length === 0) return [];
  const cards = await db.blog.findMany({ where: { id: { in: ids } }, select: listingCardSelect });
  return ids.flatMap((id) => cards.filter((card) => card.id === id));
}

export function getNewestListings(limit: number): Promise<TListingCard[]> {
  return db.blog.findMany({
    where: { status: "ACTIVE" },
    select: listingCardSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

export function getPublicListing(slug: string) {
  return db.blog.findFirst({ where: { slug, ...publicListingWhere }, select: listingPageSelect });
}

type ListingPageRow = Omit<TListingPage, "categories" | "tags"> & {
  categories: TListingPage["categories"];
  tags: TListingPage["tags"];
  posts: Array<Omit<TPostCard, "publishedAt" | "blog"> & { publishedAt: string }>;
};

/**
 * The listing page's one statement ($1 the slug, $2 the posts to read, $3 and $4 the cursor's date
 * and id): the listing with `listingPageSelect`'s fields, its categories and tags, and its newest
 * public posts, or those older than the cursor (one more than shown, to know whether there are older
 * ones; a statement of its own, so that a plan made for any cursor seeks the index to it). Prepared
 * (lib/db.ts, hotRows): sent through Prisma, the same query was parsed and planned on every miss,
 * 2.3 ms a call on a warm connection against 0.3 ms prepared, and blog misses kept PostgreSQL at 0.21 cores against 0.08 (docs/decisions/007, session
 * 13). A test holds it to what Prisma finds with the select.
 */
export const listingPageSql = (olderThanCursor: boolean) => `
SELECT b.id, b.slug, b.name, b.description, b."siteUrl", b.tier::text AS tier, b."iconUrl", b.language, b."verifiedAt", b."postCount", b."lastPostAt",
       b.status::text AS status, b."mirrorMode"::text AS "mirrorMode", b.country, b."feedUrl", b."postsPerWeek", b."lastSuccessAt", b."lastCheckedAt",
       b."errorCount", b."dormantSince", b."logoUrl", b."ctaLabel", b."ctaUrl", b."contactEmail", b."socialLinks", b."createdAt",
       coalesce((SELECT json_agg(json_build_object('category', json_build_object('slug', c.slug, 'name', c.name)) ORDER BY c.position, c.name)
                   FROM "BlogCategory" bc JOIN "Category" c ON c.id = bc."categoryId" WHERE bc."blogId" = b.id), '[]') AS categories,
       coalesce((SELECT json_agg(json_build_object('tag', json_build_object('slug', t.slug, 'name', t.name)) ORDER BY t.name)
                   FROM "BlogTag" bt JOIN "Tag" t ON t.id = bt."tagId" WHERE bt."blogId" = b.id), '[]') AS tags,
       CASE WHEN b."mirrorMode" = 'NONE' THEN '[]' ELSE coalesce((
         SELECT json_agg(json_build_object('id', p.id, 'title', p.title, 'excerpt', p.excerpt, 'imageUrl', p."imageUrl", 'publishedAt', p."publishedAt",
                                           'readingMinutes', p."readingMinutes", 'authors', p.authors) ORDER BY p."publishedAt" DESC, p.id DESC)
           FROM (SELECT * FROM "Post" p WHERE p."blogId" = b.id AND p."hiddenAt" IS NULL${olderThanCursor ? ` AND p."publishedAt" <= $3 AND (p."publishedAt" < $3 OR p.id < $4)` : ""}
                  ORDER BY p."publishedAt" DESC, p.id DESC LIMIT $2) p), '[]') END AS posts
  FROM "Blog" b
 WHERE b.slug = $1 AND b.status IN ('ACTIVE', 'DORMANT')`;

/**
 * A listing's page in one round trip: the listing and one page of its public posts, newest first
 * (none when its owner chose not to be mirrored), each post card carrying its blog as the other
 * lists do; the first page, or the posts older than `before` (keyset on publishedAt, id, so a deep
 * page costs what the first does). `older` is the cursor of the next page, when there is one.
 */
export async function getListingPage(slug: string, postLimit: number, before?: TPostCursor) {
  const [row] = await hotRows<ListingPageRow>(
    before
      ? { name: "listing-page-older", text: listingPageSql(true), values: [slug, postLimit + 1, before.publishedAt, before.id] }
      : { name: "listing-page", text: listingPageSql(false), values: [slug, postLimit + 1] },
  );
  if (!row) return null;
  const { posts: found, ...listing } = row;
  const blog = { slug: listing.slug, name: listing.name, tier: listing.tier };
  const posts = found.slice(0, postLimit).map((post) => ({ ...post, publishedAt: new Date(post.publishedAt), blog }));
  const last = posts.at(-1);
  const older: TPostCursor | null = found.length > postLimit && last ? { publishedAt: last.publishedAt, id: last.id } : null;
  return { listing, posts, older };
}
