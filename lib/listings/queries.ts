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
  const all = await db.blog.findMany({
    where: { ...publicListingWhere, tier: "BUSINESS", ...(options.categoryId ? { categories: { some: { categoryId: options.categoryId } } } : {}) },
    select: listingCardSelect,
    orderBy: { id: "asc" },
  });
  if (all.length === 0) return [];
  const offset = Math.floor(now.getTime() / 3_600_000) % all.length;
  return [...all.slice(offset), ...all.slice(0, offset)].slice(0, limit);
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
