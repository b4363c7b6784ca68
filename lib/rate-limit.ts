// Fixed-window rate limits kept in PostgreSQL, so every web process counts against the same
// limit. One statement per hit: it opens a window, counts within it, or starts a new one.
import "server-only";
import { db } from "@/lib/db";

export type Limit = { max: number; windowMs: number };

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one hit on `key`; refuses once `max` hits fell in the current window. */
export async function hit(key: string, limit: Limit, now = new Date()): Promise<LimitResult> {
  const resetAt = new Date(now.getTime() + limit.windowMs);
  const [row] = await db.$queryRaw<Array<{ count: number; resetAt: Date }>>`
    INSERT INTO "RateLimitBucket" (key, count, "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT (key) DO UPDATE
       SET count = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN 1 ELSE "RateLimitBucket".count + 1 END,
           "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimitBucket"."resetAt" END
    RETURNING count, "resetAt"`;
  if (row!.count <= limit.max) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((row!.resetAt.getTime() - now.getTime()) / 1000)) };
}

/** Every limit must allow the hit; each is counted, so a refused request still uses up its budget. */
export async function hitAll(hits: Array<[string, Limit]>, now = new Date()): Promise<LimitResult> {
  const results = await Promise.all(hits.map(([key, limit]) => hit(key, limit, now)));
  const refused = results.filter((result): result is Extract<LimitResult, { ok: false }> => !result.ok);
  return refused.length ? { ok: false, retryAfterSeconds: Math.max(...refused.map((result) => result.retryAfterSeconds)) } : { ok: true };
}

/** Drops windows that ended long ago (called by the worker's housekeeping). */
export async function pruneRateLimits(now = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "resetAt" < ${new Date(now.getTime() - 86_400_000)}`;
}
