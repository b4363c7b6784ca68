// The feed worker: claims due feeds in batches and processes them with a bounded pool and a
// per-host limit. It sleeps until the next feed is due, or until a NOTIFY says one is due now.
// One feed's failure is recorded on that feed and never stops the worker.
import "server-only";
import pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { claimDueFeeds, claimFeed, FEEDS_DUE_CHANNEL, nextDueAt } from "./claim-feeds";
import { HostLimiter, hostOf } from "./host-limiter";
import { processFeed, type FeedRunResult } from "./process-feed";
import type { FetchPolicy } from "./url-policy";

export type WorkerOptions = {
  concurrency?: number;
  perHost?: number;
  batchSize?: number;
  leaseSeconds?: number;
  policy?: FetchPolicy;
  websubCallbackBase?: string;
  log?: (line: string) => void;
  onResult?: (result: FeedRunResult) => void;
};

export class FeedWorker {
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly leaseSeconds: number;
  private readonly limiter: HostLimiter;
  private readonly log: (line: string) => void;
  private wake: (() => void) | undefined;

  constructor(
    private readonly db: PrismaClient,
    private readonly options: WorkerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 16;
    this.batchSize = options.batchSize ?? Math.max(this.concurrency * 2, 32);
    this.leaseSeconds = options.leaseSeconds ?? 120;
    this.limiter = new HostLimiter(options.perHost ?? 2);
    this.log = options.log ?? (() => {});
  }

  private async processOne(feed: Awaited<ReturnType<typeof claimDueFeeds>>[number]): Promise<void> {
    try {
      const result = await this.limiter.run(hostOf(feed.feedUrl), () => processFeed(this.db, feed, { policy: this.options.policy, websubCallbackBase: this.options.websubCallbackBase, log: this.log }));
      this.options.onResult?.(result);
      if (result.error) this.log(`feed ${feed.id} (${feed.feedUrl}): ${result.error}`);
    } catch (error) {
      // A bug or a database fault: record it on the feed (if we still hold it) and move on.
      const message = `internal error: ${(error as Error).message ?? String(error)}`.slice(0, 1000);
      this.log(`feed ${feed.id} (${feed.feedUrl}): ${message}`);
      await this.db.blog
        .updateMany({
          where: { id: feed.id, leaseUntil: feed.leaseUntil },
          data: { leaseUntil: null, lastError: message, lastErrorAt: new Date(), errorCount: { increment: 1 }, nextCheckAt: new Date(Date.now() + 3_600_000) },
        })
        .catch(() => {});
    }
  }

  /** Reads one listing's feed now, whether due or not; false when another worker holds it. */
  async runOne(blogId: string): Promise<boolean> {
    const feed = await claimFeed(this.db, blogId, this.leaseSeconds);
    if (!feed) return false;
    await this.processOne(feed);
    return true;
  }

  /** Processes everything due now (claiming batch after batch); returns how many feeds were run. */
  async drain(signal?: AbortSignal): Promise<number> {
    let total = 0;
    const running = new Set<Promise<void>>();
    while (!signal?.aborted) {
      // Claim a little ahead of the pool, never so far that leases run out while feeds wait.
      const room = this.concurrency * 2 - running.size;
      const batch = room > 0 ? await claimDueFeeds(this.db, Math.min(this.batchSize, room), this.leaseSeconds) : [];
      if (batch.length === 0 && running.size === 0) break;
      for (const feed of batch) {
        total++;
        while (running.size >= this.concurrency) await Promise.race(running);
        const task: Promise<void> = this.processOne(feed).finally(() => running.delete(task));
        running.add(task);
      }
      if (batch.length === 0) await Promise.race(running);
    }
    await Promise.all(running);
    return total;
  }

  /** Runs until the signal aborts: drain, then sleep until the next due time or a NOTIFY. */
  async run(connectionString: string, signal: AbortSignal): Promise<void> {
    const listener = new pg.Client({ connectionString });
    listener.on("error", (error) => this.log(`listener: ${error.message}`));
    await listener.connect();
    await listener.query(`LISTEN ${FEEDS_DUE_CHANNEL}`);
    listener.on("notification", () => this.wake?.());
    signal.addEventListener("abort", () => this.wake?.(), { once: true });
    try {
      while (!signal.aborted) {
        const ran = await this.drain(signal);
        if (ran > 0) this.log(`checked ${ran} feed(s)`);
        if (signal.aborted) break;
        const next = await nextDueAt(this.db);
        const wait = Math.min(Math.max((next?.getTime() ?? Date.now() + 60_000) - Date.now(), 250), 60_000);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    } finally {
      await listener.end().catch(() => {});
    }
  }
}
