// `npm run feed -- preview <url>` as a user runs it: a child process, its exit code and output.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rss, startFeedServer, type FeedServer } from "@/lib/testing/feed-server";
import { runScript } from "@/lib/testing/run-script";

let server: FeedServer;

const feedCommand = (args: string[], env: Record<string, string> = {}) => runScript("scripts/feed.ts", args, { DATABASE_URL: "", ...env });

beforeAll(async () => {
  server = await startFeedServer();
  server.serveFeed("/feed.xml", () =>
    rss([{ guid: "g1", link: "/posts/1", title: "Hello &amp; welcome", description: '<p>Hi <script>alert(1)</script><img src="/a.png"></p>', pubDate: "Mon, 03 Nov 2025 10:00:00 GMT" }], { title: "Preview Blog", link: server.url("/") }),
  );
  server.route("/", (_q, res) => res.writeHead(200, { "content-type": "text/html" }).end(`<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>`));
});
afterAll(() => server.close());

describe("npm run feed -- preview", () => {
  it("refuses an unsafe URL at once, in one line, without connecting", async () => {
    const before = server.requests.length;
    for (const [url, line] of [
      ["http://10.0.0.1/feed", "refused: 10.0.0.1 is a private address"],
      [`http://127.0.0.1:${server.port}/feed.xml`, `refused: port ${server.port} is not allowed (only 80 and 443)`],
      ["file:///etc/passwd", "refused: file: URLs are not allowed (only http and https)"],
    ] as const) {
      const result = await feedCommand(["preview", url]);
      expect(result.code, url).toBe(1);
      expect(result.stderr.trim(), url).toBe(line);
      expect(result.stdout).toBe("");
    }
    expect(server.requests.length).toBe(before);
  });

  it("prints one JSON object with the feed and its sanitized entries, from a site URL too", async () => {
    const result = await feedCommand(["preview", server.url("/")], { INGEST_ALLOW_HOSTS: server.hostPort });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const preview = JSON.parse(result.stdout);
    expect(preview.feed).toEqual({ title: "Preview Blog", siteUrl: server.url("/"), feedUrl: server.url("/feed.xml"), format: "RSS", hubUrl: null });
    expect(preview.entries).toHaveLength(1);
    expect(preview.entries[0]).toMatchObject({
      idKey: "g1",
      url: server.url("/posts/1"),
      title: "Hello & welcome",
      authors: [],
      publishedAt: "2025-11-03T10:00:00.000Z",
      image: server.url("/a.png"),
    });
    expect(preview.entries[0].contentHtml).not.toContain("<script");
    expect(preview.entries[0].contentHtml).toContain(`src="${server.url("/a.png")}"`);
  });

  it("says in one line what failed otherwise", async () => {
    const result = await feedCommand(["preview", server.url("/missing.xml")], { INGEST_ALLOW_HOSTS: server.hostPort });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.trim()).toBe(`error: ${server.url("/missing.xml")} answered HTTP 404`);
  });
});
