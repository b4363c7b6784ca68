// An admin's OPML upload: every feed of the file becomes a pending listing, unless it is already
// listed (skipped as a duplicate) or its address is refused (said why). The job and each feed's
// outcome are written as they happen, so the page shows a progress bar and a crash loses nothing:
// a job whose heartbeat stopped is resumed from its first unhandled feed (by the worker's minute
// timer, or the page's "resume" button).
import "server-only";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { readOpml, type OpmlFeed } from "@/lib/ingest/opml";
import { checkUrl, installationPolicy } from "@/lib/ingest/url-policy";
import { createListing, slugify } from "@/lib/listings/create-listing";
import { assertAdmin, audit } from "./audit";

export const MAX_OPML_BYTES = 2_000_000;
export const MAX_OPML_FEEDS = 5_000;
/** A running job whose heartbeat is older than this has lost its process. */
export const STALE_AFTER_MS = 60_000;

export type TImportResult = { feedUrl: string; outcome: "added" | "duplicate" | "refused"; detail: string };
export type TStartAnswer = { kind: "started"; id: string } | { kind: "invalid"; message: string };

export async function startImport(admin: CurrentUser, input: { fileName: string; size: number; text: string; defaultCategory?: string }): Promise<TStartAnswer> {
  assertAdmin(admin);
  if (input.size === 0) return { kind: "invalid", message: "Choose an OPML file to upload." };
  if (input.size > MAX_OPML_BYTES) return { kind: "invalid", message: `That file is ${(input.size / 1e6).toFixed(1)} MB; the limit is 2 MB. Split it and upload the parts.` };
  let feeds: OpmlFeed[];
  try {
    feeds = readOpml(input.text);
  } catch (error) {
    return { kind: "invalid", message: `That file cannot be read: ${(error as Error).message}` };
  }
  if (feeds.length === 0) return { kind: "invalid", message: "That file has no feeds (no outline with an xmlUrl)." };
  if (feeds.length > MAX_OPML_FEEDS) return { kind: "invalid", message: `That file has ${feeds.length} feeds; the limit is ${MAX_OPML_FEEDS} per upload.` };
  const fallback = input.defaultCategory ? await db.category.findUnique({ where: { slug: input.defaultCategory }, select: { slug: true } }) : null;
  if (input.defaultCategory && !fallback) return { kind: "invalid", message: "Choose a category from the list." };
  const job = await db.$transaction(async (tx) => {
    const created = await tx.importJob.create({
      data: { actorId: admin.id, fileName: input.fileName.slice(0, 200) || "upload.opml", feeds: feeds.map((feed) => ({ ...feed, category: feed.category ? slugify(feed.category) : fallback?.slug })) },
      select: { id: true },
    });
    await audit(tx, admin, { action: "import.opml", targetType: "ImportJob", targetId: created.id, reason: `${feeds.length} feeds from ${input.fileName}` });
    return created;
  });
  return { kind: "started", id: job.id };
}

/**
 * Handles the job's feeds from the first unhandled one. `takeOver` resumes a job whose process
 * stopped (only when its heartbeat is stale, so two processes never run one job).
 */
export async function runImport(jobId: string, options: { takeOver?: boolean; now?: () => Date } = {}): Promise<void> {
  const now = options.now ?? (() => new Date());
  if (options.takeOver) {
    const claimed = await db.importJob.updateMany({ where: { id: jobId, status: "RUNNING", heartbeat: { lt: new Date(now().getTime() - STALE_AFTER_MS) } }, data: { heartbeat: now() } });
    if (claimed.count === 0) return;
  }
  const job = await db.importJob.findUnique({ where: { id: jobId }, select: { feeds: true, processed: true, createdAt: true, status: true } });
  if (!job || job.status !== "RUNNING") return;
  const feeds = job.feeds as OpmlFeed[];
  const policy = installationPolicy();
  const categories = new Set((await db.category.findMany({ select: { slug: true } })).map((row) => row.slug));
  try {
    for (let index = job.processed; index < feeds.length; index++) {
      const feed = feeds[index]!;
      const result = await importOne(feed, policy, categories, job.createdAt);
      const counter = result.outcome === "added" ? "added" : result.outcome === "duplicate" ? "duplicates" : "refused";
      // The outcome, the counters and the heartbeat in one statement: progress is never half-written.
      await db.$executeRawUnsafe(
        `UPDATE "ImportJob" SET results = results || $2::jsonb, processed = $3, "${counter}" = "${counter}" + 1, heartbeat = $4 WHERE id = $1 AND processed = $3 - 1`,
        jobId,
        JSON.stringify([result]),
        index + 1,
        now(),
      );
    }
    await db.importJob.update({ where: { id: jobId }, data: { status: "DONE", finishedAt: now() } });
  } catch (error) {
    await db.importJob.update({ where: { id: jobId }, data: { status: "FAILED", error: (error as Error).message.slice(0, 500) } });
  }
}

async function importOne(feed: OpmlFeed, policy: ReturnType<typeof installationPolicy>, categories: Set<string>, jobStarted: Date): Promise<TImportResult> {
  const verdict = checkUrl(feed.feedUrl, policy);
  if (!verdict.ok) return { feedUrl: feed.feedUrl, outcome: "refused", detail: verdict.reason };
  const siteUrl = feed.siteUrl && checkUrl(feed.siteUrl, policy).ok ? feed.siteUrl : verdict.url.origin;
  const created = await createListing(db, {
    feedUrl: verdict.url.href,
    siteUrl,
    name: feed.title?.trim() || verdict.url.hostname,
    categorySlugs: feed.category && categories.has(feed.category) ? [feed.category] : [],
    status: "PENDING",
  });
  if (created.created) return { feedUrl: feed.feedUrl, outcome: "added", detail: created.slug };
  // Added by this very job before a crash cut it short: still "added", not a duplicate of itself.
  const existing = await db.blog.findUnique({ where: { id: created.duplicateOf.id }, select: { createdAt: true, feedUrl: true, submittedById: true } });
  if (existing && existing.feedUrl === verdict.url.href && existing.createdAt >= jobStarted && !existing.submittedById) {
    return { feedUrl: feed.feedUrl, outcome: "added", detail: created.duplicateOf.slug };
  }
  return { feedUrl: feed.feedUrl, outcome: "duplicate", detail: `already listed as ${created.duplicateOf.name} (${created.duplicateOf.slug})` };
}

/** Jobs whose process stopped mid-way, resumed (the worker asks every minute). */
export async function resumeStaleImports(now = new Date()): Promise<number> {
  const stale = await db.importJob.findMany({ where: { status: "RUNNING", heartbeat: { lt: new Date(now.getTime() - STALE_AFTER_MS) } }, select: { id: true } });
  for (const job of stale) await runImport(job.id, { takeOver: true });
  return stale.length;
}

/** A failed job tried again from where it stopped. */
export async function retryImport(admin: CurrentUser, jobId: string): Promise<boolean> {
  assertAdmin(admin);
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.importJob.updateMany({ where: { id: jobId, status: "FAILED" }, data: { status: "RUNNING", error: null, heartbeat: new Date(0) } });
    if (updated.count) await audit(tx, admin, { action: "import.retry", targetType: "ImportJob", targetId: jobId });
    return updated.count > 0;
  });
  return changed;
}

export async function getImport(admin: CurrentUser, id: string) {
  assertAdmin(admin);
  const job = await db.importJob.findUnique({ where: { id } });
  if (!job) return null;
  const total = (job.feeds as unknown[]).length;
  const stale = job.status === "RUNNING" && Date.now() - job.heartbeat.getTime() > STALE_AFTER_MS;
  return { id: job.id, fileName: job.fileName, status: job.status, error: job.error, total, processed: job.processed, added: job.added, duplicates: job.duplicates, refused: job.refused, results: job.results as TImportResult[], createdAt: job.createdAt, finishedAt: job.finishedAt, stale };
}

export async function listImports(admin: CurrentUser) {
  assertAdmin(admin);
  return db.importJob.findMany({ orderBy: { createdAt: "desc" }, take: 20, select: { id: true, fileName: true, status: true, processed: true, added: true, duplicates: true, refused: true, createdAt: true } });
}
