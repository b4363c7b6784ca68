import { afterEach, describe, expect, it, vi } from "vitest";
import { type CachedPage, cachedPage, LISTS_COALESCE_MS, MAX_AGE_MS, PageCache, pageTags, withNonce } from "./page-cache";
import { servePage } from "./serve-page";

const html = (nonce: string, tags = "blog:b1 post:p1", text = "Hello") =>
  `<html><head><meta name="blogatlas-cache-tags" content="${tags}"/><script nonce="${nonce}">self.__next_f.push([1,"${nonce}"])</script></head><body>${text}</body></html>`;

const page = (key: string, tags: string[], now = Date.now(), body = `<p>${key}</p>`): CachedPage => cachedPage(body, "n0nce", [], tags, now);

describe("the page cache", () => {
  afterEach(() => vi.useRealTimers());

  it("reads the tags a page declares; a page without them is not cacheable", () => {
    expect(pageTags(html("abc"))).toEqual(["blog:b1", "post:p1"]);
    expect(pageTags("<html><body>no tags</body></html>")).toBeNull();
  });

  it("serves a stored page with a fresh nonce in the body and in the policy, and nowhere the old one", () => {
    const stored = cachedPage(html("OLDNONCE"), "OLDNONCE", [["content-security-policy", "script-src 'nonce-OLDNONCE' 'strict-dynamic'"]], [], 0);
    const sent = withNonce(stored, "NEWNONCE");
    const body = sent.body.toString("utf8");
    expect(body).not.toContain("OLDNONCE");
    expect(body.match(/NEWNONCE/g)).toHaveLength(2);
    expect(body).toBe(html("NEWNONCE"));
    expect(sent.headers[0]![1]).toBe("script-src 'nonce-NEWNONCE' 'strict-dynamic'");
  });

  it("drops the pages of an announced tag at once and keeps the others", () => {
    const cache = new PageCache();
    cache.set("/blogs/a", page("/blogs/a", ["blog:a"]));
    cache.set("/posts/1", page("/posts/1", ["blog:a", "post:1"]));
    cache.set("/blogs/b", page("/blogs/b", ["blog:b"]));
    cache.invalidate(["blog:a"]);
    expect(cache.get("/blogs/a")).toBeUndefined();
    expect(cache.get("/posts/1")).toBeUndefined();
    expect(cache.get("/blogs/b")).toBeDefined();
  });

  it("coalesces list invalidations: the first at once, the next within 30 seconds, never lost", () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const cache = new PageCache(64 * 1024 * 1024, () => Date.now());
    cache.set("/", page("/", ["lists"], Date.now()));
    cache.invalidate(["lists"]);
    expect(cache.get("/")).toBeUndefined();
    cache.set("/", page("/", ["lists"], Date.now()));
    vi.advanceTimersByTime(5_000);
    cache.invalidate(["lists", "blog:x"]);
    expect(cache.get("/")).toBeDefined(); // still within the coalescing window
    vi.advanceTimersByTime(LISTS_COALESCE_MS - 5_000);
    expect(cache.get("/")).toBeUndefined();
  });

  it("drops the lists at once for a takedown (lists:now), even inside the coalescing window", () => {
    vi.useFakeTimers({ now: 2_000_000 });
    const cache = new PageCache(64 * 1024 * 1024, () => Date.now());
    cache.invalidate(["lists"]);
    cache.set("/", page("/", ["lists"], Date.now()));
    cache.invalidate(["lists:now"]);
    expect(cache.get("/")).toBeUndefined();
  });

  it("forgets pages older than the maximum age, and the least recently used first when full", () => {
    let now = 0;
    const cache = new PageCache(3 * 100, () => now, 1000); // room for three 100-byte pages
    for (const key of ["a", "b", "c"]) cache.set(key, page(key, ["lists"], 0, "x".repeat(100)));
    cache.get("a");
    cache.set("d", page("d", ["lists"], 0, "x".repeat(100)));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    now = MAX_AGE_MS + 1;
    expect(cache.get("a")).toBeUndefined();
  });
});

describe("serving through the cache", () => {
  const rendered = (nonce: string, init: { status?: number; tags?: string; cookie?: boolean } = {}) => {
    const headers = new Headers({ "content-type": "text/html; charset=utf-8", "content-security-policy": `script-src 'nonce-${nonce}'` });
    if (init.cookie) headers.set("set-cookie", "a=b");
    return new Response(html(nonce, init.tags), { status: init.status ?? 200, headers });
  };

  it("renders a miss once, then answers hits with a new nonce each time", async () => {
    const cache = new PageCache();
    const render = vi.fn(async () => rendered("R1"));
    const first = await servePage({ key: "/posts/1", head: false, nonce: "unused", cache, canUseCache: true, render });
    expect(first.headers.get("x-page-cache")).toBe("miss");
    expect(await first.text()).toContain('nonce="R1"');
    const second = await servePage({ key: "/posts/1", head: false, nonce: "H2", cache, canUseCache: true, render });
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("content-security-policy")).toBe("script-src 'nonce-H2'");
    const body = await second.text();
    expect(body).toContain('nonce="H2"');
    expect(body).not.toContain("R1");
    expect(render).toHaveBeenCalledTimes(1);
  });

  it("lets ten concurrent misses share one render", async () => {
    const cache = new PageCache();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const render = vi.fn(async () => {
      await gate;
      return rendered("R1");
    });
    const answers = Array.from({ length: 10 }, (_, index) => servePage({ key: "/", head: false, nonce: `N${index}`, cache, canUseCache: true, render }));
    release();
    const bodies = await Promise.all((await Promise.all(answers)).map((response) => response.text()));
    expect(render).toHaveBeenCalledTimes(1);
    expect(new Set(bodies.map((body) => body.match(/nonce="([^"]+)"/)![1])).size).toBe(10); // each its own nonce
  });

  it("never stores errors, pages that set cookies, pages without tags, or anything while announcements could be missed", async () => {
    for (const [response, canUseCache] of [
      [rendered("R", { status: 404 }), true],
      [rendered("R", { cookie: true }), true],
      [new Response("<p>plain</p>", { headers: { "content-type": "text/html", "content-security-policy": "script-src 'nonce-R'" } }), true],
      [rendered("R"), false],
    ] as const) {
      const cache = new PageCache();
      await servePage({ key: "/x", head: false, nonce: "N", cache, canUseCache, render: async () => response });
      expect(cache.size).toBe(0);
    }
  });
});
