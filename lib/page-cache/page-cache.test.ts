import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { contentSecurityPolicy, HARDENING_HEADERS } from "@/lib/security-headers";
import type { AddressInfo } from "node:net";
import compression from "compression";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type CachedPage, cachedPage, LISTS_COALESCE_MS, MAX_AGE_MS, newNonce, PageCache, pageTags, withNonce } from "./page-cache";
import { cacheKeyOf, type Render, servePage, type Transform } from "./serve-page";

const html = (nonce: string, tags = "blog:b1 post:p1", text = "Hello") =>
  `<html><head><meta name="blogatlas-cache-tags" content="${tags}"/><script nonce="${nonce}">self.__next_f.push([1,"${nonce}"])</script></head><body>${text}</body></html>`;

const page = (key: string, tags: string[], now = Date.now(), body = `<p>${key}</p>`): CachedPage => cachedPage(body, "n0nce", [], tags, now);

describe("newNonce", () => {
  it("gives 18 random bytes in base64url, never the same twice, across refills of its pool", () => {
    const nonces = Array.from({ length: 2000 }, () => newNonce()); // four pools of 512
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});

describe("the page cache", () => {
  afterEach(() => vi.useRealTimers());

  it("reads the tags a page declares; a page without them is not cacheable", () => {
    expect(pageTags(html("abc"))).toEqual(["blog:b1", "post:p1"]);
    expect(pageTags("<html><body>no tags</body></html>")).toBeNull();
  });

  it("serves a stored page with a fresh nonce in the body and in the policy, and nowhere the old one", () => {
    const stored = cachedPage(html("OLDNONCE"), "OLDNONCE", [["content-security-policy", "script-src 'nonce-OLDNONCE' 'strict-dynamic'"]], [], 0);
    const sent = withNonce(stored, "NEWNONCE");
    const body = Buffer.concat(sent.pieces).toString("utf8");
    expect(sent.bytes).toBe(Buffer.byteLength(body));
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

describe("serving through the cache (a real HTTP server, as the door runs it)", () => {
  type Rendered = { status?: number; tags?: string; cookie?: boolean; nonce?: string };
  /** Next's part: writes a page the way Next streams it, in pieces (a string among them). */
  const renderer = (init: Rendered = {}, gate: Promise<void> = Promise.resolve()) =>
    vi.fn(async (_request: IncomingMessage, response: ServerResponse) => {
      await gate;
      const nonce = init.nonce ?? "R1";
      const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8", "content-security-policy": `script-src 'nonce-${nonce}'` };
      if (init.cookie) headers["set-cookie"] = "a=b";
      response.writeHead(init.status ?? 200, headers);
      const body = Buffer.from(html(nonce, init.tags), "utf8");
      response.write(body.subarray(0, 40));
      response.write(body.subarray(40, 90).toString("utf8"), "utf8");
      response.end(body.subarray(90));
    });

  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A door in front of `render`; every request gets a nonce N<n> should it be served from the cache. */
  async function door(cache: PageCache, render: Render, canUseCache = true, transform?: Transform): Promise<string> {
    let count = 0;
    server = createServer((request, response) => {
      const key = cacheKeyOf(request);
      if (!key) return void render(request, response);
      void servePage(request, response, { key, nonce: `N${count++}`, cache, canUseCache, render, transform });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("renders a miss once (streamed to its visitor), then answers hits with a new nonce each time", async () => {
    const cache = new PageCache();
    const render = renderer();
    const base = await door(cache, render);
    const first = await fetch(`${base}/posts/p1`);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    expect(await first.text()).toBe(html("R1"));
    const second = await fetch(`${base}/posts/p1`);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("content-security-policy")).toBe("script-src 'nonce-N1'");
    expect(await second.text()).toBe(html("N1"));
    const third = await fetch(`${base}/posts/p1`, { method: "HEAD" });
    expect(third.headers.get("x-page-cache")).toBe("hit");
    expect(third.headers.get("content-security-policy")).toBe("script-src 'nonce-N2'");
    expect(render).toHaveBeenCalledTimes(1);
    // Next learns the page was handed over by the door (so it counts no second view).
    expect(render.mock.calls[0]![0].headers["x-page-cache"]).toBe("render");
  });

  it("answers a hit whole whether the door compresses it (gzip, brotli) or not", async () => {
    const cache = new PageCache();
    const text = "A page long enough to be compressed. ".repeat(200);
    const render = vi.fn(async (request: IncomingMessage, response: ServerResponse) => {
      const nonce = String(request.headers["content-security-policy"]).match(/'nonce-([^']+)'/)![1]!;
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(html(nonce, undefined, text));
    });
    // The door's compression, as scripts/web-server.ts puts it in front of servePage.
    const compress = compression() as unknown as (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
    let count = 0;
    server = createServer((request, response) =>
      compress(request, response, () => void servePage(request, response, { key: cacheKeyOf(request)!, nonce: `N${count++}`, cache, canUseCache: true, render })),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect((await fetch(`${base}/posts/p1`)).headers.get("x-page-cache")).toBe("miss");
    for (const encoding of ["gzip", "br", "identity"]) {
      const answer = await fetch(`${base}/posts/p1`, { headers: { "accept-encoding": encoding } }); // fetch undoes the compression
      expect(answer.headers.get("x-page-cache")).toBe("hit");
      expect(answer.headers.get("content-encoding")).toBe(encoding === "identity" ? null : encoding);
      expect(await answer.text()).toBe(html(`N${count - 1}`, undefined, text));
    }
    expect(render).toHaveBeenCalledTimes(1);
  });

  it("hands Next a miss as proxy.ts would: this response's nonce and policy (a client's copies replaced) and the hardening headers", async () => {
    const cache = new PageCache();
    // Next's part as it really is: the nonce comes from the request's policy; the response's headers are the door's.
    const render = vi.fn(async (request: IncomingMessage, response: ServerResponse) => {
      const nonce = String(request.headers["content-security-policy"]).match(/'nonce-([^']+)'/)![1]!;
      expect(request.headers["x-nonce"]).toBe(nonce);
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(html(nonce));
    });
    const base = await door(cache, render);
    const first = await fetch(`${base}/posts/p1`, { headers: { "x-nonce": "evil", "content-security-policy": "script-src 'nonce-evil'" } });
    expect(first.headers.get("content-security-policy")).toBe(contentSecurityPolicy("N0", false));
    for (const [name, value] of HARDENING_HEADERS) expect(first.headers.get(name)).toBe(value);
    expect(first.headers.get("cross-origin-opener-policy")).toBeNull(); // a public directory page (decision 013)
    expect(await first.text()).toBe(html("N0"));
    // The page was kept with the headers it went out with, and a hit swaps the nonce in both.
    const second = await fetch(`${base}/posts/p1`);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("content-security-policy")).toBe(contentSecurityPolicy("N1", false));
    expect(second.headers.get("x-frame-options")).toBe("DENY");
    expect(await second.text()).toBe(html("N1"));
  });

  it("sends and keeps a page through its transform (post pages as documents); an error page goes out as rendered", async () => {
    const cache = new PageCache();
    const transform = (page: string) => page.replace(/<script nonce="[^"]+">self\.__next_f[^<]*<\/script>/, "");
    const base = await door(cache, renderer(), true, transform);
    const first = await fetch(`${base}/posts/p1`);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    expect(await first.text()).toBe(transform(html("R1")));
    expect(html("R1")).not.toBe(transform(html("R1")));
    const second = await fetch(`${base}/posts/p1`);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(await second.text()).toBe(transform(html("R1")));

    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const missing = await door(new PageCache(), renderer({ status: 404 }), true, transform);
    expect(await (await fetch(`${missing}/posts/p2`)).text()).toBe(html("R1"));

    // Writes and the end with callbacks (as streams write): each callback is still called.
    const called: string[] = [];
    const withCallbacks = vi.fn(async (_request: IncomingMessage, response: ServerResponse) => {
      response.writeHead(200, { "content-type": "text/html", "content-security-policy": "script-src 'nonce-R1'" });
      response.write(html("R1"), () => called.push("write"));
      response.end(() => called.push("end"));
    });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const base2 = await door(new PageCache(), withCallbacks, true, transform);
    expect(await (await fetch(`${base2}/posts/p3`)).text()).toBe(transform(html("R1")));
    await vi.waitFor(() => expect(called.sort()).toEqual(["end", "write"]));
  });

  it("lets ten concurrent misses share one render, each answered with its own nonce", async () => {
    const cache = new PageCache();
    let release!: () => void;
    const render = renderer({}, new Promise<void>((resolve) => (release = resolve)));
    const base = await door(cache, render);
    const answers = Array.from({ length: 10 }, () => fetch(`${base}/`).then((response) => response.text()));
    await vi.waitFor(() => expect(render).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the other nine are waiting now
    release();
    const bodies = await Promise.all(answers);
    expect(render).toHaveBeenCalledTimes(1);
    expect(new Set(bodies.map((body) => body.match(/nonce="([^"]+)"/)![1])).size).toBe(10);
  });

  it("never stores errors, pages that set cookies, pages without tags, or anything while announcements could be missed", async () => {
    for (const [init, canUseCache] of [
      [{ status: 404 }, true],
      [{ cookie: true }, true],
      [{ tags: "" }, true],
      [{}, false],
    ] as Array<[Rendered, boolean]>) {
      const cache = new PageCache();
      const render = renderer(init.tags === "" ? { ...init, tags: undefined } : init);
      if (init.tags === "") render.mockImplementation(async (_request, response) => void response.writeHead(200, { "content-type": "text/html", "content-security-policy": "script-src 'nonce-R'" }).end("<p>plain</p>"));
      const base = await door(cache, render, canUseCache);
      await (await fetch(`${base}/blogs/b1`)).text();
      await (await fetch(`${base}/blogs/b1`)).text();
      expect(cache.size).toBe(0);
      expect(render).toHaveBeenCalledTimes(2);
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
    }
  });

  it("when the shared render is not a page to keep (a 404), each waiting visitor gets its own render", async () => {
    const cache = new PageCache();
    let release!: () => void;
    const render = renderer({ status: 404 }, new Promise<void>((resolve) => (release = resolve)));
    const base = await door(cache, render);
    const answers = Array.from({ length: 4 }, () => fetch(`${base}/posts/gone`));
    await vi.waitFor(() => expect(render).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect((await Promise.all(answers)).map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
    expect(render).toHaveBeenCalledTimes(4);
    // The waiters' renders are marked as the door's own, like the first.
    expect(render.mock.calls.every(([request]) => request.headers["x-page-cache"] === "render")).toBe(true);
    expect(cache.size).toBe(0);
  });

  it("answers 500 when the render throws, keeps nothing, and renders afresh next time", async () => {
    const cache = new PageCache();
    const render = renderer();
    render.mockImplementationOnce(async () => {
      throw new Error("database down");
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const base = await door(cache, render);
    expect((await fetch(`${base}/posts/p1`)).status).toBe(500);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("database down"));
    errors.mockRestore();
    expect(cache.size).toBe(0);
    const again = await fetch(`${base}/posts/p1`);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(html("R1"));
    expect(cache.size).toBe(1);
  });

  it("keeps nothing of a page whose visitor left mid-render, and the next visitor's render is not held up by it", async () => {
    const cache = new PageCache();
    let firstResponse!: ServerResponse;
    const render = renderer();
    render.mockImplementationOnce(async (_request, response) => {
      firstResponse = response;
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": "script-src 'nonce-R0'" });
      response.write(html("R0").slice(0, 60)); // and never ends: the visitor gives up
    });
    const base = await door(cache, render);
    const leaving = new AbortController();
    const first = await fetch(`${base}/posts/p1`, { signal: leaving.signal });
    await first.body!.getReader().read();
    leaving.abort();
    await vi.waitFor(() => expect(firstResponse.destroyed || firstResponse.closed).toBe(true));
    const next = await fetch(`${base}/posts/p1`);
    expect(await next.text()).toBe(html("R1"));
    expect(render).toHaveBeenCalledTimes(2);
    expect(cache.get("/posts/p1")?.nonce).toBe("R1");
  });

  it("keeps per-visitor requests away from the cache: sessions, client navigations, actions, other methods and pages", () => {
    const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ url, method, headers });
    expect(cacheKeyOf(request("/"))).toBe("/");
    expect(cacheKeyOf(request("/search?q=tea&page=2"))).toBe("/search?q=tea&page=2");
    expect(cacheKeyOf(request("/posts/p1", { cookie: "theme=dark" }))).toBe("/posts/p1");
    expect(cacheKeyOf(request("/posts/p1", {}, "HEAD"))).toBe("/posts/p1");
    for (const [url, headers, method] of [
      ["/posts/p1", { cookie: "theme=dark; next-auth.session-token=abc" }],
      ["/posts/p1", { cookie: "__Secure-next-auth.session-token=abc" }],
      ["/posts/p1", { rsc: "1" }],
      ["/posts/p1", { "next-action": "abc" }],
      ["/posts/p1", { "next-router-prefetch": "1" }],
      ["/posts/p1?_rsc=x1"],
      ["/posts/p1", {}, "POST"],
      ["/dashboard"],
      ["/posts/p1/image"],
      ["/api/health"],
    ] as Array<[string, Record<string, string>?, string?]>) {
      expect(cacheKeyOf(request(url, headers ?? {}, method)), `${method ?? "GET"} ${url} ${JSON.stringify(headers ?? {})}`).toBeNull();
    }
  });
});
