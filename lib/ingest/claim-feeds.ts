// The queue of due feeds is the Blog table itself: a feed is due when its nextCheckAt has passed.
// Workers on any machines claim batches with FOR UPDATE SKIP LOCKED and a lease; a worker that dies
// mid-fetch simply lets its lease run out, and the feed is claimed again. See
// docs/decisions/004-feed-queue-in-the-blog-table.md.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ClaimedFeed } from "./process-feed";

export const FEEDS_DUE_CHANNEL = "blogatlas_feeds_due";

const RETURNING = `RETURNING b.id, b."feedUrl", b."feedEtag", b."feedLastModified", b."feedBodyHash", b.tier::text AS tier,
          b.status::text AS status, b."errorCount", b."lastSuccessAt", b."createdAt", b."postsPerWeek",
          b."pendingRedirectUrl", b."pendingRedirectCount", b."websubHub", b."websubLeaseUntil", b."leaseUntil"`;

const CLAIM = `
UPDATE "Blog" b SET "leaseUntil" = now() + make_interval(secs => $2)
  FROM (SELECT id FROM "Blog"
         WHERE status IN ('ACTIVE', 'DORMANT') AND "nextCheckAt" <= now()
           AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
         ORDER BY "nextCheckAt"
         LIMIT $1
           FOR UPDATE SKIP LOCKED) due
 WHERE b.id = due.id
${RETURNING}`;

// One named feed, due or not (a "check now" from the CLI or, later, an admin), unless another
// worker holds it.
const CLAIM_ONE = `
UPDATE "Blog" b SET "leaseUntil" = now() + make_interval(secs => $2)
 WHERE b.id = $1 AND (b."leaseUntil" IS NULL OR b."leaseUntil" < now())
${RETURNING}`;

export function claimDueFeeds(db: PrismaClient, limit: number, leaseSeconds: number): Promise<ClaimedFeed[]> {
  return db.$queryRawUnsafe<ClaimedFeed[]>(CLAIM, limit, leaseSeconds);
}

export async function claimFeed(db: PrismaClient, blogId: string, leaseSeconds: number): Promise<ClaimedFeed | null> {
  const rows = await db.$queryRawUnsafe<ClaimedFeed[]>(CLAIM_ONE, blogId, leaseSeconds);
  return rows[0] ?? null;
}

/** When the next feed falls due (for a worker deciding how long to sleep). */
export async function nextDueAt(db: PrismaClient): Promise<Date | null> {
  const rows = await db.$queryRawUnsafe<Array<{ at: Date | null }>>(
    `SELECT min("nextCheckAt") AS at FROM "Blog" WHERE status IN ('ACTIVE', 'DORMANT')`,
  );
  return rows[0]?.at ?? null;
}

/** Makes a feed due now and wakes the workers (WebSub pushes, "check now" buttons). */
export async function requestImmediateCheck(db: PrismaClient, blogId: string): Promise<void> {
  await db.$executeRawUnsafe(`UPDATE "Blog" SET "nextCheckAt" = now() WHERE id = $1`, blogId);
  await wakeFeedWorkers(db, blogId);
}

/** Tells sleeping workers that a feed is due now (its nextCheckAt already says so). */
export async function wakeFeedWorkers(db: PrismaClient, blogId: string): Promise<void> {
  await db.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, FEEDS_DUE_CHANNEL, blogId);
}
