import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rss, startFeedServer, type FeedServer } from "@/lib/testing/feed-server";
import { discoverFeed, linksInHtml } from "./discover";
import { readOpml, writeOpml } from "./opml";
import { policyOf } from "./url-policy";

let server: FeedServer;
let policy: ReturnType<typeof policyOf>;
const html = (head: string) => (_q: unknown, res: import("node:http").ServerResponse) => res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><html><head>${head}</head><body>hi</body></html>`);

beforeAll(async () => {
  server = await startFeedServer();
  policy = policyOf([server.hostPort]);
  server.route("/declared/", html('<link rel="alternate" type="application/rss+xml" title="Posts" href="/declared/posts.rss"><link rel="icon" href="/favicon.png">'));
  server.serveFeed("/declared/posts.rss", () => rss([{ guid: "1", title: "d" }]));
  server.route("/wellknown/", html("<title>no links</title>"));
  server.route("/feed", (_q, res) => res.writeHead(200, { "content-type": "application/atom+xml" }).end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>w</title></feed>`));
  server.route("/direct.xml", (_q, res) => res.writeHead(200, { "content-type": "text/xml" }).end(rss([{ guid: "1", title: "x" }])));
});
afterAll(() => server.close());

describe("feed discovery (ingestion.md 24)", () => {
  it("follows <link rel=alternate> and finds the site icon", async () => {
    expect(await discoverFeed(server.url("/declared/"), policy)).toMatchObject({ feedUrl: server.url("/declared/posts.rss"), iconUrl: server.url("/favicon.png") });
  });

  it("falls back to well-known paths and /favicon.ico", async () => {
    expect(await discoverFeed(server.url("/wellknown/"), policy)).toMatchObject({ feedUrl: server.url("/feed"), iconUrl: server.url("/favicon.ico") });
  });

  it("takes a feed URL as it is", async () => {
    expect(await discoverFeed(server.url("/direct.xml"), policy)).toMatchObject({ feedUrl: server.url("/direct.xml") });
  });

  it("says clearly when there is no feed, and refuses unsafe addresses before connecting", async () => {
    const empty = await startFeedServer();
    empty.route("/", html(""));
    const none = await discoverFeed(empty.url("/"), policyOf([empty.hostPort]));
    expect(none).toMatchObject({ error: expect.stringMatching(/^no feed found at .*: it names none, and none of the usual places/) });
    await empty.close();
    expect(await discoverFeed("http://10.0.0.1/", policy)).toMatchObject({ error: "10.0.0.1 is a private address", refused: true });
  });

  it("reads links with any quoting, entity-encoded hrefs and a <base>", () => {
    const found = linksInHtml(`<base href="https://cdn.example/blog/"><link href=feed.xml rel=alternate type=application/atom+xml><link rel='apple-touch-icon' href='/t.png'><link rel="alternate" type="application/feed+json" href="/f.json?a=1&amp;b=2">`, "https://site.example/");
    expect(found.feeds.map((feed) => feed.url)).toEqual(["https://cdn.example/blog/feed.xml", "https://cdn.example/f.json?a=1&b=2"]);
    expect(found.icon).toBe("https://cdn.example/t.png");
  });
});

describe("OPML", () => {
  it("reads nested outlines, keeping the folder as category, and writes a category back", () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
      <outline text="Tech"><outline text="A" type="rss" xmlUrl="https://a.example/feed" htmlUrl="https://a.example/"/><outline text="Deeper"><outline text="B" xmlUrl="https://b.example/rss"/></outline></outline>
      <outline text="C" xmlUrl="https://c.example/atom.xml"/></body></opml>`;
    expect(readOpml(opml)).toEqual([
      { feedUrl: "https://a.example/feed", title: "A", siteUrl: "https://a.example/", category: "Tech" },
      { feedUrl: "https://b.example/rss", title: "B", siteUrl: undefined, category: "Deeper" },
      { feedUrl: "https://c.example/atom.xml", title: "C", siteUrl: undefined, category: undefined },
    ]);
    const written = writeOpml("BlogAtlas: Tech", [{ name: "A & B", feedUrl: "https://a.example/feed", siteUrl: "https://a.example/", description: "d" }]);
    expect(written).toContain('xmlUrl="https://a.example/feed"');
    expect(readOpml(written)).toEqual([{ feedUrl: "https://a.example/feed", title: "A & B", siteUrl: "https://a.example/", category: undefined }]);
  });

  it("refuses a file that is not OPML with a clear message", () => {
    expect(() => readOpml("<html></html>")).toThrow(/^this is not an OPML file/);
  });
});
