// Post views: counted where every request passes (the door in scripts/web-server.ts for the pages it
// serves or hands to Next, proxy.ts for the rest and under `next dev`, so cached pages count too), for
// visitors only (not crawlers or prefetches), once per visitor and post per half hour, and written
// in batches every few seconds. They rank the home page's trending posts and feed owners' analytics.
// A crash loses at most the last batch interval of views; a failed write is retried with the next.
import { clientAddress } from "@/lib/auth/request-identity";
import { db } from "@/lib/db";
import { postCardSelect } from "@/lib/posts/selects";
import { publicPostWhere } from "@/lib/posts/queries";

export const DEDUPE_MS = 30 * 60_000;
const MAX_REMEMBERED = 100_000;
const BOTS = /bot|crawl|spider|slurp|facebookexternalhit|embedly|preview|lighthouse|headless|curl|wget|python|java\/|go-http|node-fetch|undici|autocannon/i;

export function isVisitor(userAgent: string | null, purpose: string | null): boolean {
  return Boolean(userAgent) && !BOTS.test(userAgent!) && purpose !== "prefetch";
}

export class ViewCounter {
  private pending = new Map<string, number>();
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts a view unless this visitor saw this post within DEDUPE_MS; says whether it counted. */
  record(postId: string, visitor: string): boolean {
    const key = `${visitor} ${postId}`;
    const now = this.now();
    const last = this.seen.get(key);
    if (last !== undefined && now - last < DEDUPE_MS) return false;
    this.seen.delete(key);
    this.seen.set(key, now);
    if (this.seen.size > MAX_REMEMBERED) for (const oldest of this.seen.keys()) if (this.seen.size > MAX_REMEMBERED * 0.9) this.seen.delete(oldest);
    this.pending.set(postId, (this.pending.get(postId) ?? 0) + 1);
    return true;
  }

  /** Hands the counted views to `write`; if it fails they are kept for the next flush. */
  async flush(write: (counts: Map<string, number>) => Promise<void>): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await write(batch);
    } catch (error) {
      for (const [postId, count] of batch) this.pending.set(postId, (this.pending.get(postId) ?? 0) + count);
      throw error;
    }
  }
}

const POST_PATH = /^\/posts\/([a-z0-9]{20,40})$/;

/** Counts a visitor's GET of a post page (robots and prefetches are not visitors). */
export function countPostView(views: ViewCounter, method: string | undefined, path: string, headers: { get(name: string): string | null }): void {
  const postId = POST_PATH.exec(path)?.[1];
  if (!postId || method !== "GET") return;
  const userAgent = headers.get("user-agent");
  if (!isVisitor(userAgent, headers.get("purpose") ?? headers.get("sec-purpose"))) return;
  views.record(postId, `${clientAddress(headers)} ${userAgent}`);
}

/** Writes the counted views every few seconds; a failed write keeps them for the next. */
export function flushViewsEvery(views: ViewCounter, ms = 5000): ReturnType<typeof setInterval> {
  const timer = setInterval(() => {
    views.flush(storePostViews).catch((error: unknown) => console.error(`post views not written yet (kept for the next try): ${String(error)}`));
  }, ms);
  timer.unref?.();
  return timer;
}

/** Adds views to today's counters of the posts and of their blogs; ids of no post are ignored. */
export async function storePostViews(counts: Map<string, number>, day = new Date()): Promise<void> {
  const ids = [...counts.keys()];
  const views = ids.map((id) => counts.get(id)!);
  const date = day.toISOString().slice(0, 10);
  await db.$transaction([
    db.$executeRaw`
      INSERT INTO "PostDailyStat" ("postId", day, views)
      SELECT p.id, ${date}::date, v.n FROM unnest(${ids}::text[], ${views}::int[]) AS v(id, n) JOIN "Post" p ON p.id = v.id
      ON CONFLICT ("postId", day) DO UPDATE SET views = "PostDailyStat".views + EXCLUDED.views`,
    db.$executeRaw`
      INSERT INTO "DailyListingStat" ("blogId", day, "postViews")
      SELECT p."blogId", ${date}::date, sum(v.n)::int FROM unnest(${ids}::text[], ${views}::int[]) AS v(id, n) JOIN "Post" p ON p.id = v.id
       GROUP BY p."blogId"
      ON CONFLICT ("blogId", day) DO UPDATE SET "postViews" = "DailyListingStat"."postViews" + EXCLUDED."postViews"`,
  ]);
}

/**
 * Posts visitors read most now: today's views plus half of yesterday's, among public posts.
 * The counters hold only posts that were viewed, so this reads a few thousand rows at most.
 */
export async function getTrendingPosts(limit: number, now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const rows = await db.$queryRaw<Array<{ postId: string }>>`
    SELECT "postId" FROM "PostDailyStat"
     WHERE day >= ${today}::date - 1
     GROUP BY "postId"
     ORDER BY sum(CASE WHEN day = ${today}::date THEN views ELSE views / 2.0 END) DESC, "postId"
     LIMIT ${limit * 3}`;
  const posts = await db.post.findMany({ where: { ...publicPostWhere, id: { in: rows.map((row) => row.postId) } }, select: postCardSelect });
  return rows.flatMap((row) => posts.filter((post) => post.id === row.postId)).slice(0, limit);
}
