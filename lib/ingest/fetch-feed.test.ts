import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFeedServer, type FeedServer, rss } from "@/lib/testing/feed-server";
import { fetchFeed, parseRetryAfter, USER_AGENT } from "./fetch-feed";
import { readFeed } from "./read-feed";
import { guardedLookup, RefusedAddressError, type Resolver } from "./safe-dispatcher";
import { policyOf } from "./url-policy";

let server: FeedServer;
let policy: ReturnType<typeof policyOf>;
const body = rss([{ guid: "1", title: "One", description: "<p>one</p>" }]);

beforeAll(async () => {
  server = await startFeedServer();
  policy = policyOf([server.hostPort]);
  server.serveFeed("/feed.xml", () => body);
  server.serveFeed("/gzip.xml", () => body, { encoding: "gzip" });
  server.serveFeed("/br.xml", () => body, { encoding: "br" });
  server.route("/negotiated", (_q, res) =>
    res.writeHead(200, { "content-type": "application/rss+xml", "content-location": "/feeds/en/feed.rss" }).end(rss([{ guid: "1", link: "posts/1", title: "Relative" }])),
  );
  server.route("/gone", (_q, res) => res.writeHead(410).end());
  server.route("/busy", (_q, res) => res.writeHead(429, { "retry-after": "120" }).end());
  server.route("/maintenance", (_q, res) => res.writeHead(503, { "retry-after": new Date(Date.now() + 3_600_000).toUTCString() }).end());
  server.route("/missing", (_q, res) => res.writeHead(404).end());
  server.route("/moved", (_q, res) => res.writeHead(301, { location: "/moved-again" }).end());
  server.route("/moved-again", (_q, res) => res.writeHead(308, { location: "/feed.xml" }).end());
  server.route("/temporary", (_q, res) => res.writeHead(302, { location: "/feed.xml" }).end());
  server.route("/loop", (_q, res) => res.writeHead(302, { location: "/loop" }).end());
  server.route("/to-metadata", (_q, res) => res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end());
  server.route("/to-file", (_q, res) => res.writeHead(301, { location: "file:///etc/passwd" }).end());
  server.route("/to-gopher", (_q, res) => res.writeHead(301, { location: "gopher://127.0.0.1:70/" }).end());
  server.route("/to-loopback-other-port", (_q, res) => res.writeHead(302, { location: `http://127.0.0.1:${server.port + 1}/` }).end());
  server.route("/huge", (_q, res) => {
    // 50 MB of body, sent as fast as the client reads it.
    res.writeHead(200, { "content-type": "application/rss+xml" });
    const chunk = Buffer.alloc(1024 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < 50 && res.write(chunk)) sent++;
      if (sent >= 50) res.end();
      else res.once("drain", pump);
    };
    pump();
  });
  server.route("/bomb", (_q, res) => {
    // 50 MiB of zeros, gzipped to about 50 KiB: the cap applies to the decompressed size.
    res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" }).end(zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024)));
  });
  server.route("/trickle", (_q, res) => {
    res.writeHead(200, { "content-type": "application/rss+xml" });
    const timer = setInterval(() => res.write("<"), 200);
    res.on("close", () => clearInterval(timer));
  });
});

afterAll(() => server.close());

describe("fetchFeed", () => {
  it("sends an honest User-Agent and asks for compression", async () => {
    const outcome = await fetchFeed({ url: server.url("/feed.xml"), policy });
    expect(outcome.kind).toBe("ok");
    const request = server.requests.at(-1)!;
    expect(request.headers["user-agent"]).toBe(USER_AGENT);
    expect(request.headers["user-agent"]).toMatch(/BlogAtlas/);
    expect(request.headers["accept-encoding"]).toMatch(/gzip/);
  });

  it("stores validators as sent and sends both back; a 304 costs nothing more", async () => {
    const first = await fetchFeed({ url: server.url("/feed.xml"), policy });
    if (first.kind !== "ok") throw new Error(first.kind);
    expect(first.etag).toMatch(/^"/);
    expect(first.lastModified).toBe("Thu, 01 Jan 2026 00:00:00 GMT");
    expect(first.bodyHash).toMatch(/^[0-9a-f]{64}$/);
    const second = await fetchFeed({ url: server.url("/feed.xml"), etag: first.etag, lastModified: first.lastModified, policy });
    expect(second.kind).toBe("not-modified");
    const sent = server.requests.at(-1)!.headers;
    expect(sent["if-none-match"]).toBe(first.etag);
    expect(sent["if-modified-since"]).toBe(first.lastModified);
  });

  it("resolves relative links against the Content-Location the server names", async () => {
    const read = await readFeed({ url: server.url("/negotiated"), policy });
    if (read.kind !== "parsed") throw new Error(read.kind);
    expect(read.fetch.contentLocation).toBe("/feeds/en/feed.rss");
    expect(read.entries[0]!.url).toBe(server.url("/feeds/en/posts/1"));
  });

  it("decompresses gzip and brotli", async () => {
    for (const path of ["/gzip.xml", "/br.xml"]) {
      const outcome = await fetchFeed({ url: server.url(path), policy });
      expect(outcome.kind === "ok" && outcome.body.toString()).toBe(body);
    }
  });

  it("cuts off a 50 MB body and a 50 MiB gzip bomb at the size cap (security.md 20)", async () => {
    const huge = await fetchFeed({ url: server.url("/huge"), policy, limits: { maxBytes: 5 * 1024 * 1024 } });
    expect(huge).toMatchObject({ kind: "failed", reason: "the response is larger than 5 MiB" });
    const bomb = await fetchFeed({ url: server.url("/bomb"), policy, limits: { maxBytes: 5 * 1024 * 1024 } });
    expect(bomb).toMatchObject({ kind: "failed", reason: "the response is larger than 5 MiB" });
  });

  it("gives up on a server that trickles bytes, within the total time limit (security.md 20)", async () => {
    const started = Date.now();
    const outcome = await fetchFeed({ url: server.url("/trickle"), policy, limits: { totalTimeoutMs: 1500 } });
    expect(outcome).toMatchObject({ kind: "failed", reason: "no complete answer within 1.5 s" });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("stops an endless redirect loop after five hops (security.md 20)", async () => {
    const before = server.requests.length;
    const outcome = await fetchFeed({ url: server.url("/loop"), policy });
    expect(outcome).toMatchObject({ kind: "failed", reason: "more than 5 redirects" });
    expect(server.requests.length - before).toBe(6);
  });

  it("re-checks every redirect hop: private addresses, other ports, file: and gopher: are refused (security.md 18)", async () => {
    expect(await fetchFeed({ url: server.url("/to-metadata"), policy })).toMatchObject({ kind: "refused", reason: "169.254.169.254 is a link-local address (cloud metadata lives here)" });
    expect(await fetchFeed({ url: server.url("/to-loopback-other-port"), policy })).toMatchObject({ kind: "refused", reason: `port ${server.port + 1} is not allowed (only 80 and 443)` });
    expect(await fetchFeed({ url: server.url("/to-file"), policy })).toMatchObject({ kind: "refused", reason: "file: URLs are not allowed (only http and https)" });
    expect(await fetchFeed({ url: server.url("/to-gopher"), policy })).toMatchObject({ kind: "refused", reason: "gopher: URLs are not allowed (only http and https)" });
  });

  it("refuses a public name that resolves to a private address, at connect time (security.md 18)", async () => {
    // A resolver that answers like a hostile DNS server; the test server's port is opened for the test.
    const hostile: Resolver = (_name, callback) => callback(null, [{ address: "127.0.0.1", family: 4 }]);
    const before = server.requests.length;
    const outcome = await fetchFeed({ url: `http://feeds.example.com:${server.port}/feed.xml`, policy: { ...policyOf([], ["80", "443", String(server.port)]), lookup: hostile } });
    expect(outcome).toMatchObject({ kind: "refused", reason: "feeds.example.com resolves to 127.0.0.1 is a loopback address" });
    expect(server.requests.length).toBe(before);
    // The system resolver is guarded the same way.
    const error = await new Promise<unknown>((resolve) => guardedLookup()("localhost", {}, (e) => resolve(e)));
    expect(error).toBeInstanceOf(RefusedAddressError);
  });

  it("refuses when every address a name resolves to is private (a rebinding answer)", async () => {
    const seen: string[] = [];
    const rebinding: Resolver = (name, callback) => {
      seen.push(name);
      callback(null, [{ address: "10.0.0.7", family: 4 }, { address: "127.0.0.1", family: 4 }]);
    };
    const outcome = await fetchFeed({ url: `http://rebind.example.com:${server.port}/feed.xml`, policy: { ...policyOf([], ["80", "443", String(server.port)]), lookup: rebinding } });
    expect(outcome).toMatchObject({ kind: "refused", reason: "rebind.example.com resolves to 10.0.0.7 is a private address" });
    expect(seen).toEqual(["rebind.example.com"]);
  });

  it("refuses private addresses before connecting, with no request sent (security.md 17)", async () => {
    const before = server.requests.length;
    expect(await fetchFeed({ url: `http://127.0.0.1:${server.port}/feed.xml` })).toMatchObject({ kind: "refused" });
    expect(server.requests.length).toBe(before);
  });

  it("reports permanent moves (301/308 all the way) but not temporary ones", async () => {
    const permanent = await fetchFeed({ url: server.url("/moved"), policy });
    expect(permanent).toMatchObject({ kind: "ok", url: server.url("/feed.xml"), permanentUrl: server.url("/feed.xml") });
    const temporary = await fetchFeed({ url: server.url("/temporary"), policy });
    expect(temporary.kind).toBe("ok");
    expect(temporary.kind === "ok" && temporary.permanentUrl).toBeUndefined();
  });

  it("reports 410 as gone, 429/503 with their Retry-After, other errors by status", async () => {
    expect(await fetchFeed({ url: server.url("/gone"), policy })).toMatchObject({ kind: "gone" });
    expect(await fetchFeed({ url: server.url("/busy"), policy })).toMatchObject({ kind: "retry-later", status: 429, retryAfterSeconds: 120 });
    const maintenance = await fetchFeed({ url: server.url("/maintenance"), policy });
    expect(maintenance).toMatchObject({ kind: "retry-later", status: 503 });
    expect(maintenance.kind === "retry-later" && maintenance.retryAfterSeconds).toBeGreaterThan(3500);
    expect(await fetchFeed({ url: server.url("/missing"), policy })).toMatchObject({ kind: "http-error", status: 404 });
  });

  it("reports a server that is not there", async () => {
    const closed = await startFeedServer();
    const url = closed.url("/feed.xml");
    const port = closed.hostPort;
    await closed.close();
    expect(await fetchFeed({ url, policy: policyOf([port]) })).toMatchObject({ kind: "failed", reason: "connection refused" });
  });

  it("parses Retry-After in seconds and as a date", () => {
    expect(parseRetryAfter("30")).toBe(30);
    expect(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(55);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
