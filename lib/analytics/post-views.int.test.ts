import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createListing, createPost } from "@/lib/testing/fixtures";
import { DEDUPE_MS, getTrendingPosts, isVisitor, storePostViews, ViewCounter } from "./post-views";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0 Safari/537.36";

describe("counting post views", () => {
  it("counts visitors, not crawlers, link previews or prefetches", () => {
    expect(isVisitor(BROWSER, null)).toBe(true);
    expect(isVisitor("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", null)).toBe(false);
    expect(isVisitor("facebookexternalhit/1.1", null)).toBe(false);
    expect(isVisitor(null, null)).toBe(false);
    expect(isVisitor(BROWSER, "prefetch")).toBe(false);
  });

  it("counts one view per visitor and post per half hour", async () => {
    let now = 0;
    const counter = new ViewCounter(() => now);
    expect(counter.record("p1", "1.2.3.4")).toBe(true);
    expect(counter.record("p1", "1.2.3.4")).toBe(false); // a reload
    expect(counter.record("p1", "5.6.7.8")).toBe(true);
    now = DEDUPE_MS + 1;
    expect(counter.record("p1", "1.2.3.4")).toBe(true);
    const written: Array<Map<string, number>> = [];
    await counter.flush(async (counts) => void written.push(counts));
    expect(written).toEqual([new Map([["p1", 3]])]);
  });

  it("keeps the views of a failed write for the next one", async () => {
    const counter = new ViewCounter();
    counter.record("p1", "a");
    await expect(counter.flush(async () => Promise.reject(new Error("database away")))).rejects.toThrow("database away");
    counter.record("p1", "b");
    const written: Array<Map<string, number>> = [];
    await counter.flush(async (counts) => void written.push(counts));
    expect(written).toEqual([new Map([["p1", 2]])]);
  });

  it("adds to the post's and its blog's counters for the day, and ignores ids of no post", async () => {
    const blog = await createListing();
    const [a, b] = [await createPost(blog.id), await createPost(blog.id)];
    const day = new Date("2026-11-20T10:00:00Z");
    await storePostViews(new Map([[a.id, 3], [b.id, 1], ["cmnotapost000000000000000", 9]]), day);
    await storePostViews(new Map([[a.id, 2]]), day);
    const posts = await db.postDailyStat.findMany({ where: { post: { blogId: blog.id } }, orderBy: { views: "desc" } });
    expect(posts.map((row) => [row.postId, row.views])).toEqual([[a.id, 5], [b.id, 1]]);
    const listing = await db.dailyListingStat.findUnique({ where: { blogId_day: { blogId: blog.id, day: new Date("2026-11-20") } } });
    expect(listing?.postViews).toBe(6);
  });
});

describe("trending posts", () => {
  it("ranks by today's views plus half of yesterday's, among public posts only", async () => {
    const blog = await createListing();
    const hiddenBlog = await createListing({ status: "SUSPENDED" });
    const [steady, burst, old, hidden, ofHiddenBlog] = [
      await createPost(blog.id, { title: "Steady" }),
      await createPost(blog.id, { title: "Burst" }),
      await createPost(blog.id, { title: "Old news" }),
      await createPost(blog.id, { title: "Hidden", hiddenAt: new Date() }),
      await createPost(hiddenBlog.id, { title: "Of a suspended blog" }),
    ];
    const today = new Date("2030-01-10T12:00:00Z");
    const yesterday = new Date("2030-01-09T12:00:00Z");
    const lastWeek = new Date("2030-01-03T12:00:00Z");
    await storePostViews(new Map([[steady.id, 30], [burst.id, 2], [hidden.id, 500], [ofHiddenBlog.id, 500]]), yesterday);
    await storePostViews(new Map([[steady.id, 5], [burst.id, 18]]), today);
    await storePostViews(new Map([[old.id, 1000]]), lastWeek);
    // steady: 5 + 30/2 = 20; burst: 18 + 2/2 = 19; old news is outside the window.
    expect((await getTrendingPosts(4, today)).map((post) => post.title)).toEqual(["Steady", "Burst"]);
  });
});
