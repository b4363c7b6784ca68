// Public reads of listings. Only listings a visitor may see (active, or dormant with their archive)
// leave this module; pending, rejected and suspended ones answer as if they did not exist.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listingCardSelect, listingPageSelect, type TListingCard } from "./selects";

export const publicListingWhere = { status: { in: ["ACTIVE", "DORMANT"] } } satisfies Prisma.BlogWhereInput;

/**
 * Business Listings for the featured slots (of the home page, or of one category), rotated
 * fairly: every hour the order shifts by one, so each paying listing gets the first slot equally often.
 */
export async function getFeaturedListings(limit: number, options: { categoryId?: string; now?: Date } = {}): Promise<TListingCard[]> {
  const now = options.now ?? new Date();
  const where = { ...publicListingWhere, tier: "BUSINESS" as const, ...(options.categoryId ? { categories: { some: { categoryId: options.categoryId } } } : {}) };
  // Only the ids of the slots are read (a directory can have thousands of paying listings): the
  // window of `limit` listings that starts at this hour's offset, wrapping round to the first ones.
  const count = await db.blog.count({ where });
  if (count === 0) return [];
  const offset = Math.floor(now.getTime() / 3_600_000) % count;
  const take = Math.min(limit, count);
  const ids = (await db.blog.findMany({ where, select: { id: true }, orderBy: { id: "asc" }, skip: offset, take })).map((row) => row.id);
  if (ids.length < take) ids.push(...(await db.blog.findMany({ where, select: { id: true }, orderBy: { id: "asc" }, take: take - ids.length })).map((row) => row.id));
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
