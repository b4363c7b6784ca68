import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/websub/[id]/route";
import { db } from "@/lib/db";
import { createListing } from "@/lib/testing/fixtures";
import { rss, startFeedServer, type FeedServer } from "@/lib/testing/feed-server";
import { FeedWorker } from "./feed-worker";
import { policyOf } from "./url-policy";
import { signatureMatches } from "./websub";

let server: FeedServer;
const subscriptions: URLSearchParams[] = [];
const CALLBACK_BASE = "https://directory.example";

beforeAll(async () => {
  server = await startFeedServer();
  server.route("/hub", (request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      subscriptions.push(new URLSearchParams(body));
      response.writeHead(202).end();
    });
  });
  server.serveFeed("/hubbed.xml", () => rss([{ guid: "1", title: "Pushed" }], { extra: `<atom:link rel="hub" href="${server.url("/hub")}"/><atom:link rel="self" href="${server.url("/hubbed.xml")}"/>` }));
});
afterAll(() => server.close());

const context = (id: string) => ({ params: Promise.resolve({ id }) });
const verify = (id: string, query: Record<string, string>) => GET(new Request(`${CALLBACK_BASE}/api/websub/${id}?${new URLSearchParams(query)}`), context(id));
const push = (id: string, body: string, signature?: string) =>
  POST(new Request(`${CALLBACK_BASE}/api/websub/${id}`, { method: "POST", body, headers: signature ? { "x-hub-signature": signature } : {} }), context(id));

describe("WebSub (ingestion.md 25)", () => {
  it("subscribes a Business Listing's feed where it names a hub, verifies intent, checks each push's HMAC and reads the feed at once", async () => {
    const blog = await createListing({ feedUrl: server.url("/hubbed.xml"), nextCheckAt: new Date(0), tier: "BUSINESS" });
    await new FeedWorker(db, { policy: policyOf([server.hostPort]), websubCallbackBase: CALLBACK_BASE }).drain();

    const request = subscriptions.at(-1)!;
    expect(request.get("hub.mode")).toBe("subscribe");
    expect(request.get("hub.topic")).toBe(server.url("/hubbed.xml"));
    expect(request.get("hub.callback")).toBe(`${CALLBACK_BASE}/api/websub/${blog.id}`);
    const secret = request.get("hub.secret")!;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);

    // Verification of intent: only for the topic we asked about.
    expect((await verify(blog.id, { "hub.mode": "subscribe", "hub.topic": "https://other.example/feed", "hub.challenge": "c1" })).status).toBe(404);
    const ok = await verify(blog.id, { "hub.mode": "subscribe", "hub.topic": server.url("/hubbed.xml"), "hub.challenge": "c2", "hub.lease_seconds": "86400" });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("c2");
    const leased = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
    expect(leased.websubLeaseUntil!.getTime()).toBeGreaterThan(Date.now() + 86_000_000);
    expect(leased.websubHub).toBe(server.url("/hub"));

    // A forged push is acknowledged but changes nothing; a signed one makes the feed due now.
    const body = rss([{ guid: "2", title: "New" }]);
    for (const forged of [undefined, "sha256=00", `sha256=${createHmac("sha256", "wrong").update(body).digest("hex")}`]) {
      expect((await push(blog.id, body, forged)).status).toBe(202);
      expect((await db.blog.findUniqueOrThrow({ where: { id: blog.id } })).nextCheckAt.getTime()).toBeGreaterThan(Date.now());
    }
    const signed = await push(blog.id, body, `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`);
    expect(signed.status).toBe(202);
    expect((await db.blog.findUniqueOrThrow({ where: { id: blog.id } })).nextCheckAt.getTime()).toBeLessThanOrEqual(Date.now());

    // Already subscribed with a long lease: the next read does not subscribe again.
    const count = subscriptions.length;
    await new FeedWorker(db, { policy: policyOf([server.hostPort]), websubCallbackBase: CALLBACK_BASE }).drain();
    expect(subscriptions.length).toBe(count);
  });

  it("reads a free listing's hubbed feed on its schedule without subscribing (push is a Business Listing's)", async () => {
    const before = subscriptions.length;
    const blog = await createListing({ feedUrl: server.url("/hubbed.xml?free"), nextCheckAt: new Date(0) });
    await new FeedWorker(db, { policy: policyOf([server.hostPort]), websubCallbackBase: CALLBACK_BASE }).drain();
    expect(subscriptions.length).toBe(before);
    expect((await db.blog.findUniqueOrThrow({ where: { id: blog.id } })).lastSuccessAt).not.toBeNull();
  });

  it("answers 404 for an unknown listing or a malformed id, and 400 for a malformed verification", async () => {
    expect((await push("cmnosuchlisting00000000000", "x", "sha256=00")).status).toBe(404);
    expect((await push("../../etc", "x")).status).toBe(404);
    const blog = await createListing();
    expect((await verify(blog.id, { "hub.mode": "subscribe", "hub.topic": blog.feedUrl, "hub.challenge": "c" })).status).toBe(404);
    expect((await verify(blog.id, { "hub.mode": "bogus" })).status).toBe(400);
  });

  it("compares signatures in constant time and accepts sha1/sha256/sha512", () => {
    const body = Buffer.from("payload");
    for (const algorithm of ["sha1", "sha256", "sha512"]) {
      expect(signatureMatches("s", body, `${algorithm}=${createHmac(algorithm, "s").update(body).digest("hex")}`)).toBe(true);
    }
    expect(signatureMatches("s", body, "md5=abc")).toBe(false);
    expect(signatureMatches("s", body, null)).toBe(false);
  });
});
