// One feed, end to end: read it, store its entries, and write back the feed's state and its next
// check time. Every outcome (new posts, nothing new, 304, 410, 429, a broken feed, a refused URL)
// ends in an update of this blog only; a problem is recorded on the blog and retried later.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { announcePageChanges } from "@/lib/page-cache/announce";
import { mailOwnersAboutDormancy } from "./dormancy-mail";
import { readFeed } from "./read-feed";
import { errorInterval, healthyInterval, LIMITS, retryLaterInterval, shouldGoDormant } from "./schedule";
import { refreshListingCounters, storeEntries, type StoreResult } from "./store-entries";
import type { FetchPolicy } from "./url-policy";
import { needsSubscription, subscribe } from "./websub";

export type ClaimedFeed = {
  id: string;
  feedUrl: string;
  feedEtag: string | null;
  feedLastModified: string | null;
  feedBodyHash: string | null;
  tier: "FREE" | "BUSINESS";
  status: string;
  errorCount: number;
  lastSuccessAt: Date | null;
  createdAt: Date;
  postsPerWeek: number;
  pendingRedirectUrl: string | null;
  pendingRedirectCount: number;
  websubHub: string | null;
  websubLeaseUntil: Date | null;
  leaseUntil: Date;
};

export type FeedRunResult = {
  blogId: string;
  outcome: "updated" | "unchanged" | "gone" | "retry-later" | "error";
  stored: StoreResult;
  error?: string;
  nextCheckAt: Date;
};

/** A permanent redirect moves the stored feed URL only after it was seen this many times in a row. */
export const REDIRECT_CONFIRMATIONS = 3;

type Options = {
  policy?: FetchPolicy;
  now?: () => number;
  /** Public base URL of our WebSub callback; without it (a private APP_URL) we do not subscribe. */
  websubCallbackBase?: string;
  log?: (line: string) => void;
};

export async function processFeed(db: PrismaClient, feed: ClaimedFeed, options: Options = {}): Promise<FeedRunResult> {
  const now = options.now?.() ?? Date.now();
  const nothing: StoreResult = { inserted: 0, updated: 0, unchanged: 0 };
  const read = await readFeed({
    url: feed.feedUrl,
    etag: feed.feedEtag,
    lastModified: feed.feedLastModified,
    previousBodyHash: feed.feedBodyHash,
    policy: options.policy,
  });

  // Fenced by the lease: a worker whose lease ran out (and whose feed another worker took) writes nothing.
  const finish = async (data: Record<string, unknown>) => {
    const where = { id: feed.id, leaseUntil: feed.leaseUntil };
    const write = { ...data, leaseUntil: null, lastCheckedAt: new Date(now) };
    try {
      await db.blog.updateMany({ where, data: write });
    } catch (error) {
      // The feed moved to an address another listing already has: keep ours, and say so.
      if ((error as { code?: string }).code !== "P2002" || !("feedUrl" in write)) throw error;
      const { feedUrl, ...rest } = write;
      await db.blog.updateMany({ where, data: { ...rest, lastError: `the feed moved to ${String(feedUrl)}, which another listing already has` } });
    }
    // The blog page shows feed health; new or changed posts also change every list of newest posts.
    await announcePageChanges(db, [`blog:${feed.id}`, ...(postsChanged ? ["lists"] : [])]);
  };
  let postsChanged = false;

  // Once, when the listing turns dormant; a mail problem is logged and never fails the feed's run.
  const tellOwners = async (reason: string) => {
    try {
      await mailOwnersAboutDormancy(db, feed.id, reason);
    } catch (error) {
      options.log?.(`feed ${feed.id}: the dormancy mail to its owners failed: ${(error as Error).message}`);
    }
  };

  const fail = async (message: string, interval?: number): Promise<FeedRunResult> => {
    const errors = feed.errorCount + 1;
    const dormant = feed.status === "DORMANT" || shouldGoDormant({ consecutiveErrors: errors, lastSuccessAt: feed.lastSuccessAt, listedAt: feed.createdAt, now });
    const nextCheckAt = new Date(now + (interval ?? errorInterval(errors)));
    await finish({
      errorCount: errors,
      lastError: message.slice(0, 1000),
      lastErrorAt: new Date(now),
      nextCheckAt,
      ...(dormant && feed.status === "ACTIVE" ? { status: "DORMANT", dormantSince: new Date(now) } : {}),
    });
    if (dormant && feed.status === "ACTIVE") await tellOwners(message);
    return { blogId: feed.id, outcome: "error", stored: nothing, error: message, nextCheckAt };
  };

  const healthy = (hints: { maxAgeSeconds?: number; expiresAt?: Date; ttlMinutes?: number | null }, postsPerWeek: number) => ({
    errorCount: 0,
    lastError: null,
    lastSuccessAt: new Date(now),
    nextCheckAt: new Date(now + healthyInterval({ postsPerWeek, business: feed.tier === "BUSINESS", now, ...hints })),
    ...(feed.status === "DORMANT" ? { status: "ACTIVE", dormantSince: null } : {}),
  });

  if (read.kind === "fetch-problem") {
    const problem = read.fetch;
    switch (problem.kind) {
      case "gone": {
        const nextCheckAt = new Date(now + LIMITS.goneRecheck);
        await finish({ deadAt: new Date(now), status: feed.status === "ACTIVE" ? "DORMANT" : feed.status, dormantSince: new Date(now), lastError: "the feed is gone (HTTP 410)", lastErrorAt: new Date(now), errorCount: feed.errorCount + 1, nextCheckAt });
        if (feed.status === "ACTIVE") await tellOwners("the feed is gone (HTTP 410)");
        return { blogId: feed.id, outcome: "gone", stored: nothing, error: "HTTP 410", nextCheckAt };
      }
      case "retry-later": {
        const result = await fail(`the server asked us to come back later (HTTP ${problem.status})`, retryLaterInterval(problem.retryAfterSeconds, feed.errorCount + 1));
        return { ...result, outcome: "retry-later" };
      }
      case "http-error":
        return fail(`HTTP ${problem.status} from ${problem.url}`);
      case "refused":
        return fail(`refused: ${problem.reason}`);
      case "failed":
        return fail(problem.reason);
    }
  }

  const redirect = redirectState(feed, read.fetch.permanentUrl);
  if (read.kind === "invalid") return fail(read.reason);
  if (read.kind === "unchanged") {
    const fetched = read.fetch;
    const nextState = healthy(fetched, feed.postsPerWeek);
    await finish({ ...nextState, ...redirect, feedEtag: fetched.etag ?? feed.feedEtag, feedLastModified: fetched.lastModified ?? feed.feedLastModified });
    return { blogId: feed.id, outcome: "unchanged", stored: nothing, nextCheckAt: nextState.nextCheckAt };
  }

  const stored = await storeEntries(db, feed.id, read.entries);
  postsChanged = stored.inserted > 0 || stored.updated > 0;
  const postsPerWeek = stored.inserted > 0 || stored.updated > 0 ? await refreshListingCounters(db, feed.id) : feed.postsPerWeek;
  const nextState = healthy({ ...read.fetch, ttlMinutes: read.feed.ttlMinutes }, postsPerWeek);
  await finish({
    ...nextState,
    ...redirect,
    feedEtag: read.fetch.etag ?? null,
    feedLastModified: read.fetch.lastModified ?? null,
    feedBodyHash: read.fetch.bodyHash,
    feedFormat: read.feed.format,
    feedTtlMinutes: read.feed.ttlMinutes ?? null,
  });
  const hubUrl = read.feed.hubUrl;
  // Push is part of a Business Listing's fastest mirroring; free listings are read on their schedule.
  if (hubUrl && options.websubCallbackBase && feed.status === "ACTIVE" && feed.tier === "BUSINESS" && needsSubscription(feed, hubUrl, now)) {
    const subscribed = await subscribe(db, { blogId: feed.id, topic: read.fetch.url, hubUrl, callbackBase: options.websubCallbackBase, policy: options.policy });
    if (!subscribed.ok) options.log?.(`feed ${feed.id}: WebSub subscription failed: ${subscribed.reason}`);
  }
  return { blogId: feed.id, outcome: stored.inserted || stored.updated ? "updated" : "unchanged", stored, nextCheckAt: nextState.nextCheckAt };
}

/** Permanent moves (301/308 all the way) are adopted once seen REDIRECT_CONFIRMATIONS times in a row. */
function redirectState(feed: ClaimedFeed, permanentUrl: string | undefined): Record<string, unknown> {
  if (!permanentUrl || permanentUrl === feed.feedUrl) return feed.pendingRedirectUrl ? { pendingRedirectUrl: null, pendingRedirectCount: 0 } : {};
  const count = feed.pendingRedirectUrl === permanentUrl ? feed.pendingRedirectCount + 1 : 1;
  if (count >= REDIRECT_CONFIRMATIONS) return { feedUrl: permanentUrl, pendingRedirectUrl: null, pendingRedirectCount: 0 };
  return { pendingRedirectUrl: permanentUrl, pendingRedirectCount: count };
}
