import type { Prisma } from "@/lib/generated/prisma/client";

/** A post card's own fields (a listing's page reads them under the listing, which is their blog). */
export const postCardFields = {
  id: true,
  title: true,
  excerpt: true,
  imageUrl: true,
  publishedAt: true,
  readingMinutes: true,
  authors: true,
} satisfies Prisma.PostSelect;

export const postCardSelect = {
  ...postCardFields,
  blog: { select: { slug: true, name: true, tier: true } },
} satisfies Prisma.PostSelect;

export const postPageSelect = {
  id: true,
  url: true,
  title: true,
  authors: true,
  publishedAt: true,
  feedUpdatedAt: true,
  contentHtml: true,
  excerpt: true,
  imageUrl: true,
  readingMinutes: true,
  blog: { select: { id: true, slug: true, name: true, tier: true, mirrorMode: true, siteUrl: true, iconUrl: true, verifiedAt: true } },
} satisfies Prisma.PostSelect;

export type TPostCard = Prisma.PostGetPayload<{ select: typeof postCardSelect }>;
export type TPostPage = Prisma.PostGetPayload<{ select: typeof postPageSelect }>;
