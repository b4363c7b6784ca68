// Creates a listing for a feed (OPML import, the `feed add` command, and later the owner's
// submission form). The same feed or site already listed is reported, never duplicated.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { announcePageChanges } from "@/lib/page-cache/announce";

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

async function freeSlug(db: PrismaClient, wanted: string): Promise<string> {
  const base = wanted || "blog";
  const taken = new Set((await db.blog.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const normaliseSite = (url: string) => url.replace(/^https?:\/\/(www\.)?/i, "").replace(/\/+$/, "").toLowerCase();

export type ListingDraft = {
  feedUrl: string;
  siteUrl: string;
  name: string;
  description?: string;
  language?: string;
  iconUrl?: string;
  categorySlugs?: string[];
  /** Tag names as people write them; each becomes (or reuses) the tag of the same slug. */
  tagNames?: string[];
  status?: "PENDING" | "ACTIVE";
  submittedById?: string;
};

export type CreateListingResult = { created: true; id: string; slug: string } | { created: false; duplicateOf: { id: string; slug: string; name: string } };

/** The listing that already has this feed, or this site, if any. */
export async function unsafeFindDuplicateListing(db: PrismaClient, feedUrl: string, siteUrl: string) {
  // Reads across tenants on purpose: a duplicate must be caught whoever listed it.
  const byFeed = await db.blog.findUnique({ where: { feedUrl }, select: { id: true, slug: true, name: true } });
  if (byFeed) return byFeed;
  const site = normaliseSite(siteUrl);
  const candidates = await db.blog.findMany({ where: { siteUrl: { contains: site.split("/")[0], mode: "insensitive" } }, select: { id: true, slug: true, name: true, siteUrl: true }, take: 20 });
  return candidates.find((row) => normaliseSite(row.siteUrl) === site) ?? null;
}

export async function createListing(db: PrismaClient, draft: ListingDraft): Promise<CreateListingResult> {
  const duplicate = await unsafeFindDuplicateListing(db, draft.feedUrl, draft.siteUrl);
  if (duplicate) return { created: false, duplicateOf: { id: duplicate.id, slug: duplicate.slug, name: duplicate.name } };
  const categories = draft.categorySlugs?.length ? await db.category.findMany({ where: { slug: { in: draft.categorySlugs } }, select: { id: true } }) : [];
  const tags = [];
  for (const name of draft.tagNames ?? []) {
    const slug = slugify(name);
    if (slug) tags.push(await db.tag.upsert({ where: { slug }, create: { slug, name: name.slice(0, 40) }, update: {}, select: { id: true } }));
  }
  // Two listings of the same name created at once race for a slug: the loser takes the next one.
  // The same feed created twice at once: the second is the duplicate.
  let blog: { id: string; slug: string } | undefined;
  for (let attempt = 0; !blog; attempt++) {
    const slug = await freeSlug(db, slugify(draft.name) || slugify(new URL(draft.siteUrl).hostname));
    try {
      blog = await db.blog.create({
        data: {
          slug,
          name: draft.name.slice(0, 200),
          description: draft.description?.slice(0, 2000),
          siteUrl: draft.siteUrl,
          feedUrl: draft.feedUrl,
          language: draft.language,
          iconUrl: draft.iconUrl,
          status: draft.status ?? "PENDING",
          submittedById: draft.submittedById,
          categories: { create: categories.map((category) => ({ categoryId: category.id })) },
          tags: { create: tags.map((tag) => ({ tagId: tag.id })) },
        },
        select: { id: true, slug: true },
      });
    } catch (error) {
      const target = String((error as { meta?: { target?: unknown } }).meta?.target ?? (error as Error).message);
      if ((error as { code?: string }).code !== "P2002" || attempt >= 5) throw error;
      if (/feedUrl/.test(target)) {
        const existing = await unsafeFindDuplicateListing(db, draft.feedUrl, draft.siteUrl);
        if (existing) return { created: false, duplicateOf: { id: existing.id, slug: existing.slug, name: existing.name } };
      }
    }
  }
  if ((draft.status ?? "PENDING") === "ACTIVE") await announcePageChanges(db, ["lists"]); // "newest blogs"
  return { created: true, ...blog };
}
