// Named shapes of a listing as the public pages read it.
import type { Prisma } from "@/lib/generated/prisma/client";

export const listingCardSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  siteUrl: true,
  tier: true,
  iconUrl: true,
  language: true,
  verifiedAt: true,
  postCount: true,
  lastPostAt: true,
  categories: { select: { category: { select: { slug: true, name: true } } } },
} satisfies Prisma.BlogSelect;

export const listingPageSelect = {
  ...listingCardSelect,
  tags: { select: { tag: { select: { slug: true, name: true } } } },
  status: true,
  mirrorMode: true,
  country: true,
  feedUrl: true,
  postsPerWeek: true,
  lastSuccessAt: true,
  lastCheckedAt: true,
  errorCount: true,
  dormantSince: true,
  logoUrl: true,
  ctaLabel: true,
  ctaUrl: true,
  contactEmail: true,
  socialLinks: true,
  createdAt: true,
} satisfies Prisma.BlogSelect;

export type TListingCard = Prisma.BlogGetPayload<{ select: typeof listingCardSelect }>;
export type TListingPage = Prisma.BlogGetPayload<{ select: typeof listingPageSelect }>;
