// Admins and listings: search and filter all of them; suspend and restore (a suspended listing and
// its posts vanish from public pages at once and come back intact); hide or restore one post; change
// categories; grant or remove a Business Listing by hand; read the feed now and see the result.
import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guards";
import { setBusinessGrant } from "@/lib/billing/grants";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { FeedWorker } from "@/lib/ingest/feed-worker";
import { installationPolicy } from "@/lib/ingest/url-policy";
import { announcePageChanges } from "@/lib/page-cache/announce";
import { assertAdmin, audit, ZAuditReason as ZReason, type TDone } from "./audit";

export const LISTING_STATUSES = ["PENDING", "ACTIVE", "DORMANT", "SUSPENDED", "REJECTED"] as const;
export const ADMIN_PAGE_SIZE = 50;

export const ZListingFilter = z.object({
  q: z.string().trim().max(200).default(""),
  status: z.enum(LISTING_STATUSES).optional().catch(undefined),
  tier: z.enum(["FREE", "BUSINESS"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});


export async function searchListings(admin: CurrentUser, raw: Record<string, unknown>) {
  assertAdmin(admin);
  const filter = ZListingFilter.parse(raw);
  const where: Prisma.BlogWhereInput = {
    ...(filter.q ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { slug: { contains: filter.q.toLowerCase() } }, { feedUrl: { contains: filter.q, mode: "insensitive" } }, { siteUrl: { contains: filter.q, mode: "insensitive" } }] } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.tier ? { tier: filter.tier } : {}),
  };
  const [rows, total] = await Promise.all([
    db.blog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: { id: true, slug: true, name: true, status: true, tier: true, postCount: true, errorCount: true, lastError: true, createdAt: true, _count: { select: { reports: { where: { status: "OPEN" } } } } },
    }),
    db.blog.count({ where }),
  ]);
  return { filter, rows, total, pages: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)) };
}

export async function getListingForAdmin(admin: CurrentUser, slug: string) {
  assertAdmin(admin);
  return db.blog.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, name: true, description: true, siteUrl: true, feedUrl: true, status: true, tier: true, businessGrantedAt: true,
      mirrorMode: true, language: true, createdAt: true, verifiedAt: true, rejectionReason: true, spamScore: true, spamSignals: true,
      lastCheckedAt: true, lastSuccessAt: true, lastError: true, lastErrorAt: true, errorCount: true, nextCheckAt: true, dormantSince: true, postCount: true,
      submittedBy: { select: { id: true, email: true } },
      members: { select: { role: true, user: { select: { id: true, email: true } } } },
      categories: { select: { category: { select: { slug: true, name: true } } } },
      billing: { orderBy: { updatedAt: "desc" }, take: 3, select: { stripeSubscriptionId: true, status: true, currentPeriodEnd: true } },
      reports: { orderBy: { createdAt: "desc" }, take: 10, select: { id: true, reason: true, status: true, details: true, createdAt: true, postId: true } },
      posts: { orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: 30, select: { id: true, title: true, url: true, publishedAt: true, hiddenAt: true, hiddenReason: true } },
    },
  });
}

async function changeStatus(admin: CurrentUser, slug: string, rawReason: unknown, suspend: boolean): Promise<TDone> {
  assertAdmin(admin);
  const reason = ZReason.safeParse(rawReason);
  if (!reason.success) return { kind: "invalid", message: reason.error.issues[0]!.message };
  const result = await db.$transaction(async (tx) => {
    const blog = await tx.blog.findUnique({ where: { slug }, select: { id: true, status: true, dormantSince: true } });
    if (!blog) return null;
    if (suspend && blog.status !== "ACTIVE" && blog.status !== "DORMANT") return { blog, changed: false };
    if (!suspend && blog.status !== "SUSPENDED") return { blog, changed: false };
    // Restored as it was: dormant if its feed was dormant, else active; posts were never touched.
    const status = suspend ? "SUSPENDED" : blog.dormantSince ? "DORMANT" : "ACTIVE";
    await tx.blog.update({ where: { id: blog.id }, data: { status } });
    await audit(tx, admin, { action: suspend ? "listing.suspend" : "listing.restore", targetType: "Blog", targetId: blog.id, reason: reason.data, data: { from: blog.status, to: status } });
    return { blog, changed: true };
  });
  if (!result) return { kind: "not-found" };
  if (!result.changed) return { kind: "invalid", message: suspend ? "Only a listed (active or dormant) listing can be suspended." : "This listing is not suspended." };
  await announcePageChanges(db, [`blog:${result.blog.id}`, "lists:now"]);
  return { kind: "done", message: suspend ? "Suspended: the listing and its posts are gone from public pages." : "Restored: the listing and its posts are back." };
}

export const suspendListing = (admin: CurrentUser, slug: string, reason: unknown) => changeStatus(admin, slug, reason, true);
export const restoreListing = (admin: CurrentUser, slug: string, reason: unknown) => changeStatus(admin, slug, reason, false);

/** Hide one post from every public page (or bring it back). */
export async function setPostHidden(admin: CurrentUser, postId: string, hidden: boolean, rawReason: unknown): Promise<TDone> {
  assertAdmin(admin);
  const reason = ZReason.safeParse(rawReason);
  if (!reason.success) return { kind: "invalid", message: reason.error.issues[0]!.message };
  const post = await db.$transaction(async (tx) => {
    const row = await tx.post.findUnique({ where: { id: postId }, select: { id: true, blogId: true } });
    if (!row) return null;
    await tx.post.update({ where: { id: row.id }, data: hidden ? { hiddenAt: new Date(), hiddenReason: reason.data } : { hiddenAt: null, hiddenReason: null } });
    await audit(tx, admin, { action: hidden ? "post.hide" : "post.restore", targetType: "Post", targetId: row.id, reason: reason.data, data: { blogId: row.blogId } });
    return row;
  });
  if (!post) return { kind: "not-found" };
  await announcePageChanges(db, [`post:${post.id}`, `blog:${post.blogId}`, "lists:now"]);
  return { kind: "done", message: hidden ? "The post is hidden." : "The post is shown again." };
}

export async function setListingCategories(admin: CurrentUser, slug: string, rawSlugs: unknown, rawReason: unknown): Promise<TDone> {
  assertAdmin(admin);
  const slugs = z.array(z.string()).min(1, { error: "Choose at least one category." }).max(3, { error: "Choose at most three categories." }).safeParse(rawSlugs);
  if (!slugs.success) return { kind: "invalid", message: slugs.error.issues[0]!.message };
  const reason = ZReason.safeParse(rawReason);
  if (!reason.success) return { kind: "invalid", message: reason.error.issues[0]!.message };
  const categories = await db.category.findMany({ where: { slug: { in: slugs.data } }, select: { id: true, slug: true } });
  if (categories.length !== new Set(slugs.data).size) return { kind: "invalid", message: "Choose categories from the list." };
  const blog = await db.$transaction(async (tx) => {
    const row = await tx.blog.findUnique({ where: { slug }, select: { id: true, categories: { select: { category: { select: { slug: true } } } } } });
    if (!row) return null;
    await tx.blogCategory.deleteMany({ where: { blogId: row.id } });
    await tx.blogCategory.createMany({ data: categories.map((category) => ({ blogId: row.id, categoryId: category.id })) });
    await audit(tx, admin, { action: "listing.categories", targetType: "Blog", targetId: row.id, reason: reason.data, data: { from: row.categories.map((item) => item.category.slug), to: categories.map((item) => item.slug) } });
    return row;
  });
  if (!blog) return { kind: "not-found" };
  await announcePageChanges(db, [`blog:${blog.id}`, "lists"]);
  return { kind: "done", message: "Categories changed." };
}

export async function setBusinessByHand(admin: CurrentUser, slug: string, grant: boolean, rawReason: unknown): Promise<TDone> {
  assertAdmin(admin);
  const reason = ZReason.safeParse(rawReason);
  if (!reason.success) return { kind: "invalid", message: reason.error.issues[0]!.message };
  const answer = await setBusinessGrant(admin.id, slug, grant, reason.data);
  if (answer.kind === "not-found") return { kind: "not-found" };
  if (answer.kind === "unchanged") return { kind: "invalid", message: answer.message };
  return { kind: "done", message: `${grant ? "Granted" : "Grant withdrawn"}: it is now ${answer.change.after === "BUSINESS" ? "a Business Listing" : "a free listing"}.` };
}

/** Reads the listing's feed now, in this process, and says what happened. */
export async function checkFeedNow(admin: CurrentUser, slug: string): Promise<TDone> {
  assertAdmin(admin);
  const blog = await db.blog.findUnique({ where: { slug }, select: { id: true, status: true, postCount: true } });
  if (!blog) return { kind: "not-found" };
  if (blog.status !== "ACTIVE" && blog.status !== "DORMANT") return { kind: "invalid", message: "Only listed (active or dormant) listings are read; approve or restore it first." };
  await db.$transaction(async (tx) => audit(tx, admin, { action: "listing.check-now", targetType: "Blog", targetId: blog.id }));
  // runOne claims the feed whether or not it is due, and schedules its next check itself.
  const ran = await new FeedWorker(db, { policy: installationPolicy() }).runOne(blog.id);
  if (!ran) return { kind: "invalid", message: "A worker is reading this feed right now; look again in a minute." };
  const after = await db.blog.findUniqueOrThrow({ where: { id: blog.id }, select: { lastError: true, errorCount: true, postCount: true } });
  return after.errorCount === 0
    ? { kind: "done", message: `Read just now: ${Math.max(0, after.postCount - blog.postCount)} new posts, ${after.postCount} in all.` }
    : { kind: "invalid", message: `Read just now, and it failed: ${after.lastError ?? "unknown error"}` };
}
