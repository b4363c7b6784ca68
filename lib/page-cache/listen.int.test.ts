// The page cache hears writers' announcements through PostgreSQL: a feed that gains posts drops
// the cached pages of its blog (and, coalesced, the lists); a lost connection empties the cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { FeedWorker } from "@/lib/ingest/feed-worker";
import { policyOf } from "@/lib/ingest/url-policy";
import { createListing } from "@/lib/testing/fixtures";
import { rss, startFeedServer, type FeedServer } from "@/lib/testing/feed-server";
import { announcePageChanges } from "./announce";
import { listenForPageChanges, type Listener } from "./listen";
import { type CachedPage, cachedPage, PageCache } from "./page-cache";

const page = (tags: string[]): CachedPage => cachedPage("<p>x</p>", "n0nce", [], tags, Date.now());
const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

let server: FeedServer;
let listener: Listener;
const cache = new PageCache();
let lost = 0;

beforeAll(async () => {
  server = await startFeedServer();
  listener = listenForPageChanges(process.env.DATABASE_URL!, (tags) => cache.invalidate(tags), () => {
    lost++;
    cache.clear();
  });
  await until(() => listener.connected, "the LISTEN connection");
});
afterAll(async () => {
  await listener.stop();
  server.close();
});

describe("announcements reach the page cache", () => {
  it("drops exactly the pages carrying an announced tag", async () => {
    cache.set("/blogs/a", page(["blog:a"]));
    cache.set("/blogs/b", page(["blog:b"]));
    await announcePageChanges(db, ["blog:a"]);
    await until(() => cache.get("/blogs/a") === undefined, "blog:a to be dropped");
    expect(cache.get("/blogs/b")).toBeDefined();
  });

  it("hears the feed worker: new posts drop the blog's pages and the lists", async () => {
    server.serveFeed("/cached.xml", () => rss([{ guid: "1", title: "Fresh post", link: server.url("/1") }]));
    const blog = await createListing({ feedUrl: server.url("/cached.xml"), siteUrl: server.url("/"), status: "ACTIVE", nextCheckAt: new Date(0) });
    cache.set(`/blogs/${blog.slug}`, page([`blog:${blog.id}`]));
    cache.set("/", page(["lists"]));
    await new FeedWorker(db, { policy: policyOf([server.hostPort]) }).runOne(blog.id);
    await until(() => cache.get(`/blogs/${blog.slug}`) === undefined && cache.get("/") === undefined, "the blog page and the home page to be dropped");
  });

  it("empties the cache and says it is not connected when the connection is lost, then comes back", async () => {
    cache.set("/", page(["lists"]));
    await db.$executeRawUnsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'blogatlas-page-cache'`);
    await until(() => !listener.connected, "the listener to notice");
    expect(lost).toBe(1);
    expect(cache.size).toBe(0);
    await until(() => listener.connected, "the listener to reconnect");
  }, 15_000);
});
