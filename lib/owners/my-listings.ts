// The owner's side of listings. Every function takes the acting user and reads or writes only the
// listings that user is a member of: another owner's listing is, to them, a listing that does not
// exist (null, which pages turn into a 404). Nothing else in the app writes these fields.
import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { slugify } from "@/lib/listings/create-listing";
import { refreshRankScores } from "@/lib/listings/ranking";
import { ZLanguageCode, ZTagList } from "@/lib/listings/schemas";
import { isWebAddress, MAX_SOCIAL_LINKS } from "@/lib/listings/social-links";
import { announcePageChanges } from "@/lib/page-cache/announce";

const mine = (user: CurrentUser) => ({ members: { some: { userId: user.id } } });
const basics = { id: true, slug: true, name: true, status: true, tier: true, mirrorMode: true } as const;

/** My listings with where each stands: status, tier, feed health, my role. */
export function getMyListings(user: CurrentUser) {
  return db.blog.findMany({
    where: mine(user),
    select: {
      ...basics,
      postCount: true,
      lastCheckedAt: true,
      lastSuccessAt: true,
      lastError: true,
      lastErrorAt: true,
      nextCheckAt: true,
      dormantSince: true,
      verifiedAt: true,
      members: { where: { userId: user.id }, select: { role: true } },
      // The monthly ownership re-check found the proof gone: the owner is told here.
      claims: { where: { userId: user.id, status: "LAPSED" }, select: { checkedAt: true, lastError: true }, orderBy: { checkedAt: "desc" }, take: 1 },
    },
    orderBy: { name: "asc" },
  });
}

/** One of my listings, as the edit form shows it; null when it is not mine (or does not exist). */
export function getMyListing(user: CurrentUser, slug: string) {
  return db.blog.findFirst({
    where: { slug, ...mine(user) },
    select: {
      ...basics,
      description: true,
      language: true,
      logoUrl: true,
      ctaLabel: true,
      ctaUrl: true,
      contactEmail: true,
      socialLinks: true,
      categories: { select: { category: { select: { slug: true } } } },
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
}

const optionalUrl = (message: string) =>
  z
    .string()
    .trim()
    .max(2000, { error: "That address is too long." })
    .default("")
    .refine((value) => value === "" || isWebAddress(value), { error: message });

export const ZListingEdit = z.object({
  description: z.string().trim().max(2000, { error: "Keep the description under 2,000 characters." }).default(""),
  language: ZLanguageCode,
  mirrorMode: z.enum(["FULL", "EXCERPT", "NONE"], { error: "Choose how much of each post we show." }),
  categories: z.array(z.string()).min(1, { error: "Choose at least one category." }).max(3, { error: "Choose at most three categories." }),
  tags: ZTagList,
  logoUrl: optionalUrl("The logo must be an http(s) address of an image."),
  ctaLabel: z.string().trim().max(40, { error: "Keep the button's words under 40 characters." }).default(""),
  ctaUrl: optionalUrl("The button must link to an http(s) address."),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .default("")
    .refine((value) => value === "" || z.email().safeParse(value).success, { error: "Enter an e-mail address, or leave it empty." }),
  /** One address a line, as the form's text box gives them. */
  socialLinks: z
    .string()
    .default("")
    .transform((text) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().max(500, { error: "That address is too long." }).refine(isWebAddress, { error: "Put one http(s) address on each line, such as https://mastodon.social/@you." }))
        .max(MAX_SOCIAL_LINKS, { error: `Up to ${MAX_SOCIAL_LINKS} profiles.` }),
    ),
});

export type ListingEditErrors = Partial<Record<keyof z.infer<typeof ZListingEdit> | "form", string>>;
export type EditAnswer = { kind: "saved" } | { kind: "invalid"; errors: ListingEditErrors } | { kind: "not-found" };

/** Saves my listing's details. Mirroring "NONE" hides its posts from every public page at once. */
export async function updateMyListing(user: CurrentUser, slug: string, input: Record<string, unknown>): Promise<EditAnswer> {
  const listing = await db.blog.findFirst({ where: { slug, ...mine(user) }, select: { id: true } });
  if (!listing) return { kind: "not-found" };
  const parsed = ZListingEdit.safeParse(input);
  if (!parsed.success) {
    return { kind: "invalid", errors: Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? "form"), issue.message]).reverse()) as ListingEditErrors };
  }
  const data = parsed.data;
  const categories = await db.category.findMany({ where: { slug: { in: data.categories } }, select: { id: true } });
  if (categories.length !== data.categories.length) return { kind: "invalid", errors: { categories: "Choose categories from the list." } };
  await db.$transaction(async (tx) => {
    const tags = [];
    for (const name of data.tags) {
      const tagSlug = slugify(name);
      if (tagSlug) tags.push(await tx.tag.upsert({ where: { slug: tagSlug }, create: { slug: tagSlug, name }, update: {}, select: { id: true } }));
    }
    await tx.blog.update({
      where: { id: listing.id },
      data: {
        description: data.description || null,
        language: data.language.toLowerCase() || null,
        mirrorMode: data.mirrorMode,
        logoUrl: data.logoUrl || null,
        ctaLabel: data.ctaLabel || null,
        ctaUrl: data.ctaUrl || null,
        contactEmail: data.contactEmail || null,
        socialLinks: data.socialLinks.length ? data.socialLinks : Prisma.DbNull,
      },
    });
    await tx.blogCategory.deleteMany({ where: { blogId: listing.id } });
    await tx.blogCategory.createMany({ data: categories.map((category) => ({ blogId: listing.id, categoryId: category.id })) });
    await tx.blogTag.deleteMany({ where: { blogId: listing.id } });
    await tx.blogTag.createMany({ data: tags.map((tag) => ({ blogId: listing.id, tagId: tag.id })) });
  });
  await refreshRankScores(db, [listing.id]); // the copies of the score on the new category and tag rows
  // Hiding the posts ("none") is a takedown: every list showing them is dropped at once.
  await announcePageChanges(db, [`blog:${listing.id}`, data.mirrorMode === "NONE" ? "lists:now" : "lists"]);
  return { kind: "saved" };
}
