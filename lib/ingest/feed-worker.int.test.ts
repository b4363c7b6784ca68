import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPublicPost } from "@/lib/posts/queries";
import { createListing } from "@/lib/testing/fixtures";
import { rss, startFeedServer, type FeedServer } from "@/lib/testing/feed-server";
import { claimDueFeeds } from "./claim-feeds";
import { FeedWorker } from "./feed-worker";
import { processFeed, REDIRECT_CONFIRMATIONS } from "./process-feed";
import { HOUR } from "./schedule";
import { policyOf } from "./url-policy";

let server: FeedServer;
let policy: ReturnType<typeof policyOf>;
let unique = 0;

beforeAll(async () => {
  server = await startFeedServer();
  policy = policyOf([server.hostPort]);
});
afterAll(() => server.close());

const due = (blogId: string) => db.blog.update({ where: { id: blogId }, data: { nextCheckAt: new Date(Date.now() - 1000), leaseUntil: null } });
const worker = (options: ConstructorParameters<typeof FeedWorker>[1] = {}) => new FeedWorker(db, { policy, ...options });

async function listedFeed(body: () => string, options?: Parameters<FeedServer["serveFeed"]>[2]) {
  const path = `/feed-${++unique}.xml`;
  server.serveFeed(path, body, options);
  const blog = await createListing({ feedUrl: server.url(path), nextCheckAt: new Date(Date.now() - 1000) });
  return { blog, path };
}

const posts = (blogId: string) => db.post.findMany({ where: { blogId }, orderBy: { identityKey: "asc" } });

describe("the feed worker, end to end on PostgreSQL", () => {
  it("mirrors a new feed, then costs nothing on a 304, then updates a changed post in place", async () => {
    let items = [
      { guid: "a", link: "https://blog.example/a", title: "First", description: "<p>one</p>", pubDate: "Mon, 03 Nov 2025 10:00:00 GMT" },
      { guid: "b", link: "https://blog.example/b", title: "Second", description: "<p>two</p>", pubDate: "Tue, 04 Nov 2025 10:00:00 GMT" },
    ];
    const { blog } = await listedFeed(() => rss(items));
    await worker().drain();
    const first = await posts(blog.id);
    expect(first.map((post) => post.title)).toEqual(["First", "Second"]);
    const after = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
    expect(after).toMatchObject({ postCount: 2, errorCount: 0, lastError: null, feedFormat: "RSS", leaseUntil: null });
    expect(after.feedEtag).toMatch(/^"/);
    expect(after.nextCheckAt.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);

    // Nothing changed: the server answers 304 and no row is rewritten.
    await due(blog.id);
    const results: string[] = [];
    await worker({ onResult: (result) => results.push(result.outcome) }).drain();
    expect(results).toEqual(["unchanged"]);
    expect(server.requests.at(-1)!.headers["if-none-match"]).toBe(after.feedEtag);
    expect((await posts(blog.id)).map((post) => post.updatedAt.getTime())).toEqual(first.map((post) => post.updatedAt.getTime()));

    // One post edited, one added: the edit is updated in place (same row, same published time).
    items = [{ ...items[0]!, title: "First, revised", pubDate: "Sat, 08 Nov 2025 10:00:00 GMT" }, items[1]!, { guid: "c", link: "https://blog.example/c", title: "Third", description: "<p>3</p>", pubDate: "Wed, 05 Nov 2025 10:00:00 GMT" }];
    await due(blog.id);
    let stored = { inserted: 0, updated: 0, unchanged: 0 };
    await worker({ onResult: (result) => (stored = result.stored) }).drain();
    expect(stored).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
    const third = await posts(blog.id);
    expect(third).toHaveLength(3);
    const revised = third.find((post) => post.identityKey === "a")!;
    expect(revised.id).toBe(first[0]!.id);
    expect(revised.title).toBe("First, revised");
    expect(revised.publishedAt.getTime()).toBe(first[0]!.publishedAt.getTime());
    expect(third.find((post) => post.identityKey === "b")!.updatedAt.getTime()).toBe(first[1]!.updatedAt.getTime());
  });

  it("skips a 200 whose body did not change (no validators from the server)", async () => {
    const path = `/no-validators-${++unique}.xml`;
    const body = rss([{ guid: "x", title: "Same" }]);
    server.route(path, (_q, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(body));
    const blog = await createListing({ feedUrl: server.url(path), nextCheckAt: new Date(0) });
    await worker().drain();
    const before = await posts(blog.id);
    await due(blog.id);
    const outcomes: string[] = [];
    await worker({ onResult: (result) => outcomes.push(result.outcome) }).drain();
    expect(outcomes).toEqual(["unchanged"]);
    expect((await posts(blog.id))[0]!.updatedAt).toEqual(before[0]!.updatedAt);
  });

  it("records a broken feed on its own blog, goes on with the others, and touches no other blog's posts", async () => {
    const good = await listedFeed(() => rss([{ guid: "g", title: "Good" }]));
    const broken = await listedFeed(() => "<html><body>this is not a feed</body></html>", { contentType: "text/html" });
    const bomb = await listedFeed(() => `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "${"x".repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>`);
    await worker().drain();
    expect(await db.blog.findUniqueOrThrow({ where: { id: broken.blog.id } })).toMatchObject({ errorCount: 1, lastError: "this is not an RSS, Atom, RDF or JSON feed", leaseUntil: null });
    expect((await db.blog.findUniqueOrThrow({ where: { id: bomb.blog.id } })).lastError).toMatch(/declares XML entities/);
    expect(await posts(good.blog.id)).toHaveLength(1);
    expect(await posts(broken.blog.id)).toHaveLength(0);
    const retry = (await db.blog.findUniqueOrThrow({ where: { id: broken.blog.id } })).nextCheckAt.getTime() - Date.now();
    expect(retry).toBeGreaterThan(0.8 * HOUR);
    expect(retry).toBeLessThan(1.2 * HOUR);
  });

  it("marks a 410 feed dead and dormant, keeping its posts readable", async () => {
    let gone = false;
    const path = `/gone-${++unique}.xml`;
    server.route(path, (_q, res) => (gone ? res.writeHead(410).end() : res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss([{ guid: "1", title: "Kept" }]))));
    const blog = await createListing({ feedUrl: server.url(path), nextCheckAt: new Date(0) });
    await worker().drain();
    gone = true;
    await due(blog.id);
    await worker().drain();
    const after = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
    expect(after).toMatchObject({ status: "DORMANT", lastError: "the feed is gone (HTTP 410)" });
    expect(after.deadAt).toBeInstanceOf(Date);
    const [post] = await posts(blog.id);
    expect(await getPublicPost(post!.id)).not.toBeNull();
  });

  it("respects 429 Retry-After", async () => {
    const path = `/busy-${++unique}.xml`;
    server.route(path, (_q, res) => res.writeHead(429, { "retry-after": "1800" }).end());
    const blog = await createListing({ feedUrl: server.url(path), nextCheckAt: new Date(0) });
    await worker().drain();
    const after = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
    expect(after.lastError).toBe("the server asked us to come back later (HTTP 429)");
    expect(Math.abs(after.nextCheckAt.getTime() - Date.now() - 1_800_000)).toBeLessThan(10_000);
  });

  it("rides out a host that is down for a day: the mirror stays readable, back-off grows, it recovers on its own (security.md 24)", async () => {
    let down = false;
    const path = `/flaky-${++unique}.xml`;
    server.route(path, (_q, res) => (down ? res.writeHead(503).end() : res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss([{ guid: "1", title: "Still here" }]))));
    const blog = await createListing({ feedUrl: server.url(path), nextCheckAt: new Date(0) });
    await worker().drain();
    const [post] = await posts(blog.id);
    down = true;
    let clock = Date.now();
    const gaps: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const [claimed] = await (await due(blog.id), claimDueFeeds(db, 1, 60));
      const result = await processFeed(db, claimed!, { policy, now: () => clock });
      gaps.push(result.nextCheckAt.getTime() - clock);
      clock = result.nextCheckAt.getTime();
      expect(await getPublicPost(post!.id)).not.toBeNull();
    }
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
    expect(clock - Date.now()).toBeGreaterThan(24 * HOUR);
    expect((await db.blog.findUniqueOrThrow({ where: { id: blog.id } })).status).toBe("ACTIVE"); // a day is within the grace period

    down = false;
    await due(blog.id);
    await worker().drain();
    expect(await db.blog.findUniqueOrThrow({ where: { id: blog.id } })).toMatchObject({ errorCount: 0, lastError: null, status: "ACTIVE" });
  });

  it("turns a feed that keeps failing past the grace period dormant with its error, and revives it when it answers", async () => {
    let down = true;
    const path = `/dead-${++unique}.xml`;
    server.route(path, (_q, res) => (down ? res.writeHead(500).end() : res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss([{ guid: "1", title: "Back" }]))));
    const blog = await createListing({ feedUrl: server.url(path), nextCheckAt: new Date(0), errorCount: 4, lastSuccessAt: new Date(Date.now() - 20 * 24 * HOUR) });
    await worker().drain();
    const dormant = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
    expect(dormant).toMatchObject({ status: "DORMANT", errorCount: 5, lastError: `HTTP 500 from ${server.url(path)}` });
    expect(dormant.dormantSince).toBeInstanceOf(Date);
    down = false;
    await due(blog.id);
    await worker().drain();
    expect(await db.blog.findUniqueOrThrow({ where: { id: blog.id } })).toMatchObject({ status: "ACTIVE", dormantSince: null, errorCount: 0 });
  });

  it("retries a feed whose worker died mid-job once its lease runs out, without duplicating posts (security.md 25)", async () => {
    const { blog } = await listedFeed(() => rss([{ guid: "1", title: "Once" }, { guid: "2", title: "Twice" }]));
    // A worker claims the feed and dies before finishing.
    const [claimed] = await claimDueFeeds(db, 100, 1).then((rows) => rows.filter((row) => row.id === blog.id));
    expect(claimed).toBeDefined();
    expect(await worker().drain()).toBe(0); // still leased: nobody else takes it
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await worker().drain()).toBe(1);
    expect(await posts(blog.id)).toHaveLength(2);
    // The dead worker wakes up and finishes late: its stale lease fences it off.
    const late = await processFeed(db, claimed!, { policy });
    expect(late.stored.inserted).toBe(0);
    expect(await posts(blog.id)).toHaveLength(2);
  });

  it("never lets two workers fetch the same feed at once, and keeps to the per-host limit (security.md 26)", async () => {
    const paths: string[] = [];
    for (let i = 0; i < 30; i++) {
      const path = `/shared-${++unique}.xml`;
      paths.push(path);
      server.route(path, (_q, res) => setTimeout(() => res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss([{ guid: path, title: path }])), 30));
      await createListing({ feedUrl: server.url(path), nextCheckAt: new Date(0) });
    }
    const before = server.requests.length;
    const [a, b] = await Promise.all([worker({ concurrency: 4, perHost: 2 }).drain(), worker({ concurrency: 4, perHost: 2 }).drain()]);
    expect(a + b).toBe(30);
    const fetched = server.requests.slice(before).map((request) => request.path);
    expect(fetched.sort()).toEqual([...paths].sort());
    expect(server.peakConcurrency()).toBeLessThanOrEqual(4); // two workers × two per host
  });

  it(`adopts a permanent redirect after ${REDIRECT_CONFIRMATIONS} consistent sightings, never a temporary one`, async () => {
    const target = await listedFeed(() => rss([{ guid: "1", title: "Moved" }]));
    const from = `/old-${++unique}.xml`;
    server.route(from, (_q, res) => res.writeHead(301, { location: target.path }).end());
    await db.blog.update({ where: { id: target.blog.id }, data: { feedUrl: server.url(`/unused-${unique}`) } });
    const blog = await createListing({ feedUrl: server.url(from), nextCheckAt: new Date(0) });
    for (let i = 1; i <= REDIRECT_CONFIRMATIONS; i++) {
      await due(blog.id);
      await worker().drain();
      const now = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
      if (i < REDIRECT_CONFIRMATIONS) expect(now).toMatchObject({ feedUrl: server.url(from), pendingRedirectCount: i });
      else expect(now).toMatchObject({ feedUrl: server.url(target.path), pendingRedirectUrl: null });
    }
    const temporary = `/temp-${++unique}.xml`;
    server.route(temporary, (_q, res) => res.writeHead(302, { location: target.path }).end());
    const other = await createListing({ feedUrl: server.url(temporary), nextCheckAt: new Date(0) });
    for (let i = 0; i < REDIRECT_CONFIRMATIONS + 1; i++) {
      await due(other.id);
      await worker().drain();
    }
    expect(await db.blog.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ feedUrl: server.url(temporary), pendingRedirectUrl: null });
  });

  it("refuses a feed URL at a private address and records why", async () => {
    const blog = await createListing({ feedUrl: "http://169.254.169.254/latest/meta-data/", nextCheckAt: new Date(0) });
    await worker().drain();
    expect((await db.blog.findUniqueOrThrow({ where: { id: blog.id } })).lastError).toBe("refused: 169.254.169.254 is a link-local address (cloud metadata lives here)");
  });

  it("reads one named feed now, due or not, without touching the other due feeds, and not while another worker holds it", async () => {
    const { blog: named } = await listedFeed(() => rss([{ guid: "n", title: "Named" }]));
    await db.blog.update({ where: { id: named.id }, data: { nextCheckAt: new Date(Date.now() + 86_400_000) } });
    const { blog: other } = await listedFeed(() => rss([{ guid: "o", title: "Other" }]));
    expect(await worker().runOne(named.id)).toBe(true);
    expect(await posts(named.id)).toHaveLength(1);
    expect(await posts(other.id)).toHaveLength(0);
    await claimDueFeeds(db, 100, 60); // another worker takes everything due, "other" included
    expect(await worker().runOne(other.id)).toBe(false);
    expect(await posts(other.id)).toHaveLength(0);
  });
});
