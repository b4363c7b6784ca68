// Claiming a listing by each method against a local "blog", on real PostgreSQL; mailed codes go to
// an in-process SMTP server.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { policyOf } from "@/lib/ingest/url-policy";
import { rss, startFeedServer, type FeedServer } from "@/lib/testing/feed-server";
import { createListing, createUser } from "@/lib/testing/fixtures";
import { catchMailIn, waitForMail } from "@/lib/testing/mail-catcher";
import { getMyListings } from "@/lib/owners/my-listings";
import { checkClaim, claimableDomains, claimToken, CODE_ATTEMPTS, recheckVerifiedClaims, startClaim } from "./claims";

let server: FeedServer;
let policy: ReturnType<typeof policyOf>;
let stopMail: () => Promise<void>;
const mailDir = mkdtempSync(path.join(os.tmpdir(), "claims-mail-"));
let homeHead = "";
let wellKnown = "";
let feedTitles: string[] = [];

const asUser = async (): Promise<CurrentUser> => {
  const user = await createUser();
  return { id: user.id, email: user.email, name: user.name, role: "USER" };
};
// Listings need distinct feed addresses; the query string does not change what the server answers.
const listing = () => createListing({ siteUrl: server.url("/"), feedUrl: server.url(`/feed.xml?listing=${Math.random().toString(36).slice(2)}`) });

beforeAll(async () => {
  stopMail = await catchMailIn(mailDir);
  server = await startFeedServer();
  policy = policyOf([server.hostPort]);
  server.route("/", (_request, response) => response.writeHead(200, { "content-type": "text/html" }).end(`<html><head>${homeHead}</head><body>Home</body></html>`));
  server.route("/.well-known/blogatlas-verification.txt", (_request, response) => {
    if (wellKnown) response.writeHead(200, { "content-type": "text/plain" }).end(wellKnown);
    else response.writeHead(404).end();
  });
  server.serveFeed("/feed.xml", () => rss(feedTitles.map((title, index) => ({ guid: `g${index}-${title}`, title, link: server.url(`/${index}`) }))));
});
afterAll(async () => {
  server.close();
  await stopMail();
});

describe("claiming by a published token", () => {
  it("verifies a meta tag on the home page: the claimant becomes the owner and the listing verified", async () => {
    const [user, blog] = [await asUser(), await listing()];
    const started = await startClaim(user, blog.id, { method: "META_TAG" });
    expect(started.kind).toBe("started");
    const token = started.kind === "started" ? started.claim.token! : "";
    expect(token).toBe(claimToken(started.kind === "started" ? started.claim.id : ""));

    homeHead = "";
    expect(await checkClaim(user, blog.id, {}, policy)).toEqual({ kind: "not-yet", reason: expect.stringContaining("no <meta name=\"blogatlas-verification\">") });
    homeHead = `<meta name="blogatlas-verification" content="${token}">`;
    expect(await checkClaim(user, blog.id, {}, policy)).toEqual({ kind: "verified" });
    expect(await db.blogMember.findUnique({ where: { blogId_userId: { blogId: blog.id, userId: user.id } } })).toMatchObject({ role: "OWNER" });
    expect((await db.blog.findUniqueOrThrow({ where: { id: blog.id } })).verifiedAt).toBeInstanceOf(Date);
    // Single use: the claim is done; checking again finds nothing open.
    expect((await checkClaim(user, blog.id, {}, policy)).kind).toBe("closed");
  });

  it("verifies a file under /.well-known and a post in the feed; another claim's token does not count", async () => {
    const [user, other, blog] = [await asUser(), await asUser(), await listing()];
    const mine = await startClaim(user, blog.id, { method: "WELL_KNOWN_FILE" });
    const theirs = await startClaim(other, blog.id, { method: "WELL_KNOWN_FILE" });
    wellKnown = theirs.kind === "started" ? theirs.claim.token! : "";
    expect((await checkClaim(user, blog.id, {}, policy)).kind).toBe("not-yet");
    wellKnown = mine.kind === "started" ? mine.claim.token! : "";
    expect(await checkClaim(user, blog.id, {}, policy)).toEqual({ kind: "verified" });

    const feedUser = await asUser();
    const feedBlog = await listing();
    const feedClaim = await startClaim(feedUser, feedBlog.id, { method: "FEED_ITEM" });
    feedTitles = ["Nothing to see"];
    expect((await checkClaim(feedUser, feedBlog.id, {}, policy)).kind).toBe("not-yet");
    feedTitles = [`Verifying my blog: ${feedClaim.kind === "started" ? feedClaim.claim.token : ""}`];
    expect(await checkClaim(feedUser, feedBlog.id, {}, policy)).toEqual({ kind: "verified" });
  });

  it("does not hand over a listing that already has an owner: a second proof is contested, for the moderators", async () => {
    const [first, second, blog] = [await asUser(), await asUser(), await listing()];
    await db.blogMember.create({ data: { blogId: blog.id, userId: first.id, role: "OWNER" } });
    const started = await startClaim(second, blog.id, { method: "META_TAG" });
    homeHead = `<meta name="blogatlas-verification" content="${started.kind === "started" ? started.claim.token : ""}">`;
    expect(await checkClaim(second, blog.id, {}, policy)).toEqual({ kind: "contested" });
    expect(await db.blogMember.findUnique({ where: { blogId_userId: { blogId: blog.id, userId: second.id } } })).toBeNull();
    expect(await db.claim.count({ where: { blogId: blog.id, status: "CONTESTED" } })).toBe(1);
  });

  it("closes an expired claim", async () => {
    const [user, blog] = [await asUser(), await listing()];
    await startClaim(user, blog.id, { method: "META_TAG" });
    expect(await checkClaim(user, blog.id, {}, policy, new Date(Date.now() + 8 * 86_400_000))).toEqual({ kind: "closed", reason: "This claim expired: start a new one." });
  });

  it("re-checks verified claims monthly and marks the ones whose proof is gone as lapsed", async () => {
    const [user, blog] = [await asUser(), await listing()];
    const started = await startClaim(user, blog.id, { method: "META_TAG" });
    homeHead = `<meta name="blogatlas-verification" content="${started.kind === "started" ? started.claim.token : ""}">`;
    expect((await checkClaim(user, blog.id, {}, policy)).kind).toBe("verified");
    const inAMonth = new Date(Date.now() + 31 * 86_400_000);
    homeHead = "";
    const result = await recheckVerifiedClaims(policy, inAMonth, 500);
    expect(result.lapsed).toBeGreaterThanOrEqual(1);
    const claim = await db.claim.findFirstOrThrow({ where: { blogId: blog.id, userId: user.id } });
    expect(claim).toMatchObject({ status: "LAPSED", lastError: expect.stringContaining("ownership re-check") });
    // The owner sees it on the dashboard, and renews the proof.
    const mine = (await getMyListings(user)).find((row) => row.id === blog.id)!;
    expect(mine.claims[0]?.lastError).toContain("ownership re-check");
    const renewed = await startClaim(user, blog.id, { method: "META_TAG" });
    homeHead = `<meta name="blogatlas-verification" content="${renewed.kind === "started" ? renewed.claim.token : ""}">`;
    expect(await checkClaim(user, blog.id, {}, policy)).toEqual({ kind: "verified" });
    expect((await getMyListings(user)).find((row) => row.id === blog.id)!.claims).toEqual([]);
  });
});

describe("claiming by a mailed code", () => {
  it("mails a code only to the blog's own domain, and a right code verifies", async () => {
    const [user, blog] = [await asUser(), await createListing({ siteUrl: "https://blog.patient-loaf.example/", feedUrl: "https://blog.patient-loaf.example/feed" })];
    expect(claimableDomains("https://www.blog.patient-loaf.example/")).toEqual(["blog.patient-loaf.example", "patient-loaf.example"]);
    expect(await startClaim(user, blog.id, { method: "EMAIL_CODE", email: "me@gmail.example" })).toMatchObject({ kind: "invalid", errors: { email: expect.stringContaining("blog.patient-loaf.example or patient-loaf.example") } });
    const since = Date.now();
    expect((await startClaim(user, blog.id, { method: "EMAIL_CODE", email: "Editor@Patient-Loaf.example" })).kind).toBe("started");
    const mail = await waitForMail("editor@patient-loaf.example", since, 10_000, mailDir);
    const code = mail.text.match(/\b\d{6}\b/)![0];
    expect(await checkClaim(user, blog.id, { code: code === "000000" ? "111111" : "000000" }, policy)).toEqual({ kind: "not-yet", reason: "that code is not the one we sent" });
    expect(await checkClaim(user, blog.id, { code }, policy)).toEqual({ kind: "verified" });
  });

  it(`allows ${CODE_ATTEMPTS} guesses, then closes the claim`, async () => {
    const [user, blog] = [await asUser(), await createListing({ siteUrl: "https://guess.example/", feedUrl: "https://guess.example/feed" })];
    await startClaim(user, blog.id, { method: "EMAIL_CODE", email: "me@guess.example" });
    const answers = [];
    for (let i = 0; i <= CODE_ATTEMPTS; i++) answers.push((await checkClaim(user, blog.id, { code: "12345x" }, policy)).kind);
    expect(answers).toEqual([...Array(CODE_ATTEMPTS).fill("not-yet"), "closed"]);
  });
});

describe("when the code cannot be mailed", () => {
  it("says so next to the address and closes the claim nobody can finish", async () => {
    const [user, blog] = [await asUser(), await createListing({ siteUrl: "https://nomail.example/", feedUrl: "https://nomail.example/feed" })];
    const working = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // nothing listens there
    try {
      expect(await startClaim(user, blog.id, { method: "EMAIL_CODE", email: "me@nomail.example" })).toEqual({
        kind: "invalid",
        errors: { email: "We could not send the code just now. Try again in a moment, or choose another way." },
      });
      expect(await db.claim.findFirstOrThrow({ where: { blogId: blog.id } })).toMatchObject({ status: "EXPIRED", lastError: expect.stringMatching(/^mail not sent/) });
    } finally {
      process.env.SMTP_URL = working;
    }
  });
});
