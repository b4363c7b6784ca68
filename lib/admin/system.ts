// Feed health across the directory and the system's figures: ingest rate, the feed queue's depth,
// failures with their errors (and a retry), the database's size.
import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { requestImmediateCheck } from "@/lib/ingest/claim-feeds";
import { assertAdmin, audit, type TDone } from "./audit";

export const FEED_SORTS = { errors: "most errors", recent: "latest error", dormant: "dormant longest", name: "name" } as const;
export const ZFeedFilter = z.object({
  show: z.enum(["failing", "dormant", "all-problems"]).catch("all-problems"),
  sort: z.enum(Object.keys(FEED_SORTS) as [keyof typeof FEED_SORTS]).catch("errors"),
});

export async function getFeedProblems(admin: CurrentUser, raw: Record<string, unknown>) {
  assertAdmin(admin);
  const filter = ZFeedFilter.parse(raw);
  const where =
    filter.show === "failing"
      ? { status: "ACTIVE" as const, errorCount: { gt: 0 } }
      : filter.show === "dormant"
        ? { status: "DORMANT" as const }
        : { status: { in: ["ACTIVE" as const, "DORMANT" as const] }, OR: [{ errorCount: { gt: 0 } }, { status: "DORMANT" as const }] };
  const orderBy =
    filter.sort === "errors" ? [{ errorCount: "desc" as const }, { name: "asc" as const }]
    : filter.sort === "recent" ? [{ lastErrorAt: { sort: "desc" as const, nulls: "last" as const } }, { name: "asc" as const }]
    : filter.sort === "dormant" ? [{ dormantSince: { sort: "asc" as const, nulls: "last" as const } }, { name: "asc" as const }]
    : [{ name: "asc" as const }];
  const rows = await db.blog.findMany({
    where,
    orderBy,
    take: 200,
    select: { id: true, slug: true, name: true, status: true, feedUrl: true, errorCount: true, lastError: true, lastErrorAt: true, lastSuccessAt: true, nextCheckAt: true, dormantSince: true },
  });
  return { filter, rows };
}

/** Makes a feed due now and wakes the workers. */
export async function retryFeed(admin: CurrentUser, blogId: string): Promise<TDone> {
  assertAdmin(admin);
  const blog = await db.blog.findFirst({ where: { id: blogId, status: { in: ["ACTIVE", "DORMANT"] } }, select: { id: true, name: true } });
  if (!blog) return { kind: "not-found" };
  await db.$transaction(async (tx) => audit(tx, admin, { action: "feed.retry", targetType: "Blog", targetId: blog.id }));
  await requestImmediateCheck(db, blog.id);
  return { kind: "done", message: `${blog.name} is due now; a worker reads it within seconds.` };
}

export async function getSystemFigures(admin: CurrentUser) {
  assertAdmin(admin);
  const [[ingest], [queue], [size], tables, imports] = await Promise.all([
    db.$queryRaw<Array<{ postsHour: bigint; postsDay: bigint; checksHour: bigint; failuresHour: bigint }>>`
      SELECT (SELECT count(*) FROM "Post" WHERE "createdAt" > now() - interval '1 hour') AS "postsHour",
             (SELECT count(*) FROM "Post" WHERE "createdAt" > now() - interval '1 day') AS "postsDay",
             (SELECT count(*) FROM "Blog" WHERE "lastCheckedAt" > now() - interval '1 hour') AS "checksHour",
             (SELECT count(*) FROM "Blog" WHERE "lastErrorAt" > now() - interval '1 hour') AS "failuresHour"`,
    db.$queryRaw<Array<{ due: bigint; leased: bigint; failing: bigint; dormant: bigint; pending: bigint }>>`
      SELECT count(*) FILTER (WHERE status IN ('ACTIVE', 'DORMANT') AND "nextCheckAt" <= now()) AS due,
             count(*) FILTER (WHERE "leaseUntil" > now()) AS leased,
             count(*) FILTER (WHERE status = 'ACTIVE' AND "errorCount" > 0) AS failing,
             count(*) FILTER (WHERE status = 'DORMANT') AS dormant,
             count(*) FILTER (WHERE status = 'PENDING') AS pending
        FROM "Blog"`,
    db.$queryRaw<Array<{ bytes: bigint; pretty: string }>>`SELECT pg_database_size(current_database()) AS bytes, pg_size_pretty(pg_database_size(current_database())) AS pretty`,
    db.$queryRaw<Array<{ name: string; pretty: string }>>`
      SELECT c.relname AS name, pg_size_pretty(pg_total_relation_size(c.oid)) AS pretty
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r'
       ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 5`,
    db.importJob.findMany({ where: { status: { in: ["FAILED", "RUNNING"] } }, orderBy: { createdAt: "desc" }, take: 10, select: { id: true, fileName: true, status: true, error: true, processed: true, heartbeat: true, feeds: true } }),
  ]);
  const n = (value: bigint | undefined) => Number(value ?? 0);
  return {
    ingest: { postsLastHour: n(ingest?.postsHour), postsLastDay: n(ingest?.postsDay), feedsReadLastHour: n(ingest?.checksHour), failuresLastHour: n(ingest?.failuresHour) },
    queue: { due: n(queue?.due), beingRead: n(queue?.leased), failing: n(queue?.failing), dormant: n(queue?.dormant), pendingReview: n(queue?.pending) },
    database: { size: size?.pretty ?? "?", tables },
    imports: imports.map((job) => ({ ...job, total: Array.isArray(job.feeds) ? job.feeds.length : 0, feeds: undefined })),
  };
}
