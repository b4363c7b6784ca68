// Public reads of listings. Only listings a visitor may see (active, or dormant with their archive)
// leave this module; pending, rejected and suspended ones answer as if they did not exist.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { postCardFields } from "@/lib/posts/selects";
import type { TPostCursor } from "./schemas";
import { listingCardSelect, listingPageSelect, type TListingCard } from "./selects";

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

/**
 * A listing's page in one round trip: the listing and its newest public posts (none when its owner
 * chose not to be mirrored), each post card carrying its blog as the other lists do.
 */
/**
 * A listing and one page of its public posts, newest first, in one query: the first page, or the
 * posts older than `before` (keyset on publishedAt, id, so a deep page costs what the first does).
 * `older` is the cursor of the next page, when there is one.
 */
export async function getListingPage(slug: string, postLimit: number, before?: TPostCursor) {
  const keyset = before ? { OR: [{ publishedAt: { lt: before.publishedAt } }, { publishedAt: before.publishedAt, id: { lt: before.id } }] } : {};
  const row = await db.blog.findFirst({
    where: { slug, ...publicListingWhere },
    select: {
      ...listingPageSelect,
      posts: { where: { hiddenAt: null, ...keyset }, select: postCardFields, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: postLimit + 1 },
    },
  });
  if (!row) return null;
  const { posts: found, ...listing } = row;
  const blog = { slug: listing.slug, name: listing.name, tier: listing.tier };
  const posts = listing.mirrorMode === "NONE" ? [] : found.slice(0, postLimit).map((post) => ({ ...post, blog }));
  const last = posts.at(-1);
  const older: TPostCursor | null = found.length > postLimit && last ? { publishedAt: last.publishedAt, id: last.id } : null;
  return { listing, posts, older };
}
