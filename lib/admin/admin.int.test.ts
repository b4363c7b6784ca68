// The admin area's domain functions on real PostgreSQL: the admin check inside each, decisions and
// their e-mails, suspensions that come back intact, bans that end sessions, OPML imports that
// survive a crash, and the audit log of all of it.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { getPublicListing } from "@/lib/listings/queries";
import { createListing, createPost, createUser } from "@/lib/testing/fixtures";
import { rss, startFeedServer } from "@/lib/testing/feed-server";
import { catchMailIn, waitForMail } from "@/lib/testing/mail-catcher";
import { auditActions, listAudit, NotAdminError } from "./audit";
import { getImport, listImports, retryImport, runImport, startImport } from "./import";
import { checkFeedNow, getListingForAdmin, restoreListing, searchListings, setBusinessByHand, setListingCategories, setPostHidden, suspendListing } from "./listings";
import { approveSubmissions, decideClaim, deferItems, getQueue, rejectSubmissions, resolveReport } from "./moderation";
import { getFeedProblems, getSystemFigures, retryFeed } from "./system";
import { getUserForAdmin, searchUsers, setUserBanned, setUserRole } from "./users";

const mailDir = mkdtempSync(path.join(os.tmpdir(), "admin-mail-"));
let stopMail: () => Promise<void>;
let admin: CurrentUser;

const asCurrent = (user: { id: string; email: string; name: string | null; role: "USER" | "ADMIN" }): CurrentUser => ({ id: user.id, email: user.email, name: user.name, role: user.role });

beforeAll(async () => {
  stopMail = await catchMailIn(mailDir);
  admin = asCurrent(await createUser({ role: "ADMIN", email: `admin-${Date.now()}@blogatlas.example` }));
  await db.category.upsert({ where: { slug: "science" }, create: { slug: "science", name: "Science" }, update: {} });
});
afterAll(() => stopMail());

const opml = (outlines: string[]) => `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>${outlines.join("")}</body></opml>`;
const outline = (xmlUrl: string, title: string) => `<outline type="rss" text="${title}" title="${title}" xmlUrl="${xmlUrl}"/>`;

describe("the admin check inside every function (security.md 11)", () => {
  it("refuses a signed-in non-admin everywhere and changes nothing", async () => {
    const user = asCurrent(await createUser());
    const blog = await createListing({ status: "PENDING" });
    const post = await createPost(blog.id);
    const report = await db.report.create({ data: { blogId: blog.id, postId: post.id, reason: "SPAM" } });
    const before = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
    const audits = await db.auditLog.count();
    const calls: Array<() => Promise<unknown>> = [
      () => getQueue(user),
      () => approveSubmissions(user, [blog.id]),
      () => rejectSubmissions(user, [blog.id], { reason: "SPAM" }),
      () => deferItems(user, "submission", [blog.id]),
      () => resolveReport(user, report.id, "hide-post"),
      () => decideClaim(user, "x", true),
      () => searchListings(user, {}),
      () => getListingForAdmin(user, blog.slug),
      () => suspendListing(user, blog.slug, "because"),
      () => restoreListing(user, blog.slug, "because"),
      () => setPostHidden(user, post.id, true, "because"),
      () => setListingCategories(user, blog.slug, ["science"], "because"),
      () => setBusinessByHand(user, blog.slug, true, "because"),
      () => checkFeedNow(user, blog.slug),
      () => searchUsers(user, "", "all"),
      () => getUserForAdmin(user, user.id),
      () => setUserRole(user, user.id, "ADMIN", "because"),
      () => setUserBanned(user, admin.id, true, "because"),
      () => getFeedProblems(user, {}),
      () => retryFeed(user, blog.id),
      () => getSystemFigures(user),
      () => startImport(user, { fileName: "x.opml", size: 10, text: opml([outline("https://x.example/feed", "X")]) }),
      () => retryImport(user, "x"),
      () => getImport(user, "x"),
      () => listImports(user),
      () => listAudit(user, {}),
      () => auditActions(user),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(NotAdminError);
    expect(await db.blog.findUniqueOrThrow({ where: { id: blog.id } })).toEqual(before);
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).hiddenAt).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("USER");
    expect(await db.auditLog.count()).toBe(audits);
  });
});

describe("the moderation queue", () => {
  it("approves a submission: listed at once, the submitter told, the decision audited", async () => {
    const submitter = await createUser();
    const blog = await createListing({ status: "PENDING", submittedById: submitter.id, spamScore: 35, spamSignals: [{ key: "no-posts", weight: 35, detail: "The feed has no posts yet." }] });
    const queue = await getQueue(admin);
    expect(queue.submissions.find((row) => row.id === blog.id)).toMatchObject({ spamScore: 35, submittedBy: { email: submitter.email } });
    const since = Date.now();
    expect(await approveSubmissions(admin, [blog.id], "Welcome")).toEqual({ kind: "done", count: 1 });
    expect(await getPublicListing(blog.slug)).not.toBeNull();
    const mail = await waitForMail(submitter.email, since, 10_000, mailDir);
    expect(mail.subject).toBe(`${blog.name} is listed on BlogAtlas`);
    expect(mail.text).toContain("A note from the moderator: Welcome");
    expect(await db.auditLog.findFirst({ where: { targetId: blog.id, action: "submission.approve" }, select: { actorId: true, reason: true } })).toEqual({ actorId: admin.id, reason: "Welcome" });
    expect(await approveSubmissions(admin, [blog.id])).toEqual({ kind: "not-found" }); // no longer pending
  });

  it("rejects with a reason from the list and a note, mailed to the submitter; bulk and clear errors", async () => {
    const submitter = await createUser();
    const [one, two] = [await createListing({ status: "PENDING", submittedById: submitter.id }), await createListing({ status: "PENDING", submittedById: submitter.id })];
    expect(await rejectSubmissions(admin, [one.id], { reason: "NOPE" })).toEqual({ kind: "invalid", message: "Choose a reason from the list." });
    expect(await rejectSubmissions(admin, [one.id], { reason: "OTHER", note: "" })).toEqual({ kind: "invalid", message: expect.stringContaining("Say why in the note") });
    expect(await rejectSubmissions(admin, [], { reason: "SPAM" })).toEqual({ kind: "invalid", message: "Select at least one item." });
    const since = Date.now();
    expect(await rejectSubmissions(admin, [one.id, two.id], { reason: "COPIED", note: "Posts copied from news sites." })).toEqual({ kind: "done", count: 2 });
    const mail = await waitForMail(submitter.email, since, 10_000, mailDir);
    expect(mail.text).toContain("The reason: It copies other people's posts.");
    expect(mail.text).toContain("The moderator's note: Posts copied from news sites.");
    expect((await db.blog.findUniqueOrThrow({ where: { id: one.id } })).rejectionReason).toBe("It copies other people's posts: Posts copied from news sites.");
    expect(await getPublicListing(one.slug)).toBeNull();
  });

  it("names listed blogs with a similar name as possible duplicates", async () => {
    const listed = await createListing({ name: "The Quiet Harbour Journal" });
    const pending = await createListing({ status: "PENDING", name: "Quiet Harbour Journal" });
    const row = (await getQueue(admin)).submissions.find((item) => item.id === pending.id);
    expect(row?.duplicates).toContainEqual({ slug: listed.slug, name: listed.name, status: "ACTIVE" });
  });

  it("defers a submission to the back of the queue", async () => {
    const first = await createListing({ status: "PENDING", createdAt: new Date(Date.now() - 86_400_000) });
    const second = await createListing({ status: "PENDING" });
    const order = async () => (await getQueue(admin)).submissions.map((row) => row.id).filter((id) => id === first.id || id === second.id);
    expect(await order()).toEqual([first.id, second.id]);
    expect(await deferItems(admin, "submission", [first.id])).toEqual({ kind: "done", count: 1 });
    expect(await order()).toEqual([second.id, first.id]);
  });

  it("handles a report by hiding the post, and dismisses another", async () => {
    const blog = await createListing();
    const post = await createPost(blog.id);
    const report = await db.report.create({ data: { blogId: blog.id, postId: post.id, reason: "COPYRIGHT", details: "My article" } });
    const other = await db.report.create({ data: { blogId: blog.id, reason: "BROKEN" } });
    expect(await resolveReport(admin, other.id, "hide-post")).toEqual({ kind: "invalid", message: expect.stringContaining("whole listing") });
    expect(await resolveReport(admin, report.id, "hide-post", "Takedown request")).toEqual({ kind: "done", count: 1 });
    expect(await db.post.findUniqueOrThrow({ where: { id: post.id }, select: { hiddenAt: true, hiddenReason: true } })).toEqual({ hiddenAt: expect.any(Date), hiddenReason: "Takedown request" });
    expect(await db.report.findUniqueOrThrow({ where: { id: report.id }, select: { status: true, resolvedById: true } })).toEqual({ status: "RESOLVED", resolvedById: admin.id });
    expect(await resolveReport(admin, other.id, "dismiss")).toEqual({ kind: "done", count: 1 });
    expect((await db.report.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("DISMISSED");
    expect(await resolveReport(admin, other.id, "dismiss")).toEqual({ kind: "not-found" });
  });

  it("decides a contested claim: the claimant becomes the owner, the previous owner an editor", async () => {
    const [owner, claimant] = [await createUser(), await createUser()];
    const blog = await createListing();
    await db.blogMember.create({ data: { blogId: blog.id, userId: owner.id, role: "OWNER" } });
    const claim = await db.claim.create({ data: { blogId: blog.id, userId: claimant.id, method: "META_TAG", tokenHash: "0".repeat(64), status: "CONTESTED", expiresAt: new Date(Date.now() + 86_400_000) } });
    expect((await getQueue(admin)).claims.find((row) => row.id === claim.id)?.blog.members.map((member) => member.user.email)).toEqual([owner.email]);
    const since = Date.now();
    expect(await decideClaim(admin, claim.id, true)).toEqual({ kind: "done", count: 1 });
    const roles = await db.blogMember.findMany({ where: { blogId: blog.id }, select: { userId: true, role: true }, orderBy: { role: "asc" } });
    expect(roles).toEqual(expect.arrayContaining([{ userId: claimant.id, role: "OWNER" }, { userId: owner.id, role: "EDITOR" }]));
    expect((await waitForMail(claimant.email, since, 10_000, mailDir)).text).toContain("you are now its owner");
  });
});

describe("listings", () => {
  it("suspends a listing (gone from public pages at once) and restores it with its posts intact", async () => {
    const blog = await createListing();
    await createPost(blog.id);
    await createPost(blog.id);
    expect(await suspendListing(admin, blog.slug, "")).toEqual({ kind: "invalid", message: expect.stringContaining("Say why") });
    expect((await suspendListing(admin, blog.slug, "Spam complaints")).kind).toBe("done");
    expect(await getPublicListing(blog.slug)).toBeNull();
    expect((await restoreListing(admin, blog.slug, "Cleared up")).kind).toBe("done");
    expect(await getPublicListing(blog.slug)).not.toBeNull();
    expect(await db.post.count({ where: { blogId: blog.id, hiddenAt: null } })).toBe(2);
    expect((await listAudit(admin, { target: blog.id })).rows.map((row) => row.action)).toEqual(["listing.restore", "listing.suspend"]);
  });

  it("finds listings by name and status, changes categories and grants Business by hand", async () => {
    const blog = await createListing({ name: `Findable Rocks ${Date.now()}` });
    const found = await searchListings(admin, { q: "findable rocks", status: "ACTIVE" });
    expect(found.rows.map((row) => row.id)).toContain(blog.id);
    expect(await setListingCategories(admin, blog.slug, ["no-such"], "moving")).toEqual({ kind: "invalid", message: "Choose categories from the list." });
    expect((await setListingCategories(admin, blog.slug, ["science"], "moving")).kind).toBe("done");
    expect((await getListingForAdmin(admin, blog.slug))?.categories.map((row) => row.category.slug)).toEqual(["science"]);
    expect(await setBusinessByHand(admin, blog.slug, true, "partner")).toEqual({ kind: "done", message: "Granted: it is now a Business Listing." });
  });
});

describe("reading a feed now", () => {
  it("reads the listing's feed in this process and says what happened, good or bad", async () => {
    const server = await startFeedServer();
    process.env.INGEST_ALLOW_HOSTS = server.hostPort;
    try {
      server.serveFeed("/ok.xml", () => rss([{ guid: "1", title: "First", link: server.url("/1") }, { guid: "2", title: "Second", link: server.url("/2") }]));
      server.route("/broken.xml", (_request, response) => response.writeHead(500).end("down"));
      const good = await createListing({ feedUrl: server.url("/ok.xml"), nextCheckAt: new Date(Date.now() + 86_400_000) });
      expect(await checkFeedNow(admin, good.slug)).toEqual({ kind: "done", message: "Read just now: 2 new posts, 2 in all." });
      const bad = await createListing({ feedUrl: server.url("/broken.xml") });
      expect(await checkFeedNow(admin, bad.slug)).toEqual({ kind: "invalid", message: expect.stringMatching(/^Read just now, and it failed: .*500/) });
      const pending = await createListing({ status: "PENDING" });
      expect((await checkFeedNow(admin, pending.slug)).kind).toBe("invalid");
      expect(await db.auditLog.count({ where: { targetId: good.id, action: "listing.check-now" } })).toBe(1);
    } finally {
      server.close();
      delete process.env.INGEST_ALLOW_HOSTS;
    }
  });
});

describe("users", () => {
  it("bans a user (their sessions end), unbans, and will not demote or ban oneself", async () => {
    const user = await createUser();
    await db.session.create({ data: { sessionToken: `t-${Date.now()}`, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
    expect(await setUserBanned(admin, user.id, true, "Spamming reports")).toEqual({ kind: "done", message: "Banned; 1 session ended." });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await searchUsers(admin, user.email, "banned")).map((row) => row.id)).toEqual([user.id]);
    expect((await setUserBanned(admin, user.id, false, "Appeal accepted")).kind).toBe("done");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).bannedAt).toBeNull();
    expect(await setUserBanned(admin, admin.id, true, "oops")).toEqual({ kind: "invalid", message: "You cannot ban yourself." });
    expect(await setUserRole(admin, admin.id, "USER", "oops")).toEqual({ kind: "invalid", message: expect.stringContaining("your own admin role") });
    expect((await setUserRole(admin, user.id, "ADMIN", "new moderator")).kind).toBe("done");
  });
});

describe("OPML import", () => {
  it("adds new feeds as pending, skips duplicates, refuses unsafe addresses, and says why", async () => {
    const listed = await createListing();
    const started = await startImport(admin, {
      fileName: "blogs.opml",
      size: 500,
      defaultCategory: "science",
      text: opml([outline("https://new-one.example/feed.xml", "New One"), outline(listed.feedUrl, "Already"), outline("http://10.0.0.1/feed", "Private")]),
    });
    expect(started.kind).toBe("started");
    const id = started.kind === "started" ? started.id : "";
    await runImport(id);
    const job = await getImport(admin, id);
    expect(job).toMatchObject({ status: "DONE", total: 3, processed: 3, added: 1, duplicates: 1, refused: 1 });
    expect(job!.results.map((result) => result.outcome)).toEqual(["added", "duplicate", "refused"]);
    expect(job!.results[2]!.detail).toMatch(/10\.0\.0\.1 is a private address/);
    const added = await db.blog.findUniqueOrThrow({ where: { feedUrl: "https://new-one.example/feed.xml" }, select: { status: true, categories: { select: { category: { select: { slug: true } } } } } });
    expect(added).toEqual({ status: "PENDING", categories: [{ category: { slug: "science" } }] });
  });

  it("refuses a file that is not OPML, an empty one and one without feeds, clearly", async () => {
    expect(await startImport(admin, { fileName: "a.opml", size: 0, text: "" })).toEqual({ kind: "invalid", message: "Choose an OPML file to upload." });
    expect((await startImport(admin, { fileName: "a.txt", size: 5, text: "hello" })).kind).toBe("invalid");
    expect(await startImport(admin, { fileName: "a.opml", size: 80, text: opml([]) })).toEqual({ kind: "invalid", message: "That file has no feeds (no outline with an xmlUrl)." });
    expect(await startImport(admin, { fileName: "a.opml", size: 3_000_000, text: "" })).toEqual({ kind: "invalid", message: expect.stringContaining("the limit is 2 MB") });
  });

  it("retries a failed job from where it stopped", async () => {
    const started = await startImport(admin, { fileName: "failed.opml", size: 300, text: opml([outline("https://failed-a.example/feed", "A"), outline("https://failed-b.example/feed", "B")]) });
    const id = started.kind === "started" ? started.id : "";
    await db.importJob.update({ where: { id }, data: { status: "FAILED", error: "the database went away", processed: 1, added: 1, results: [{ feedUrl: "https://failed-a.example/feed", outcome: "added", detail: "a" }] } });
    expect(await getImport(admin, id)).toMatchObject({ status: "FAILED", error: "the database went away" });
    expect(await retryImport(admin, id)).toBe(true);
    expect(await retryImport(admin, id)).toBe(false); // only a failed job is retried
    await runImport(id, { takeOver: true });
    expect(await getImport(admin, id)).toMatchObject({ status: "DONE", error: null, processed: 2, added: 2 });
    expect(await db.auditLog.count({ where: { targetId: id, action: "import.retry" } })).toBe(1);
  });

  it("resumes a job cut short by a crash from its first unhandled feed, counting nothing twice", async () => {
    const started = await startImport(admin, { fileName: "crash.opml", size: 500, text: opml([outline("https://crash-a.example/feed", "A"), outline("https://crash-b.example/feed", "B"), outline("https://crash-c.example/feed", "C")]) });
    const id = started.kind === "started" ? started.id : "";
    // The process handled A, created B's listing, then died before recording B.
    await db.importJob.update({ where: { id }, data: { processed: 1, added: 1, results: [{ feedUrl: "https://crash-a.example/feed", outcome: "added", detail: "a" }], heartbeat: new Date(Date.now() - 120_000) } });
    await db.blog.create({ data: { slug: `crash-b-${Date.now()}`, name: "B", siteUrl: "https://crash-b.example", feedUrl: "https://crash-b.example/feed", status: "PENDING" } });
    await runImport(id, { takeOver: true });
    expect(await getImport(admin, id)).toMatchObject({ status: "DONE", processed: 3, added: 3, duplicates: 0 });
    // A second process arriving late does nothing.
    await runImport(id, { takeOver: true });
    expect((await getImport(admin, id))!.processed).toBe(3);
  });
});

describe("feed health, system figures and the audit log", () => {
  it("lists failing and dormant feeds, retries one, and reports the system's figures", async () => {
    const failing = await createListing({ errorCount: 4, lastError: "HTTP 500 from https://x", lastErrorAt: new Date(), nextCheckAt: new Date(Date.now() + 86_400_000) });
    const dormant = await createListing({ status: "DORMANT", dormantSince: new Date(Date.now() - 30 * 86_400_000), lastError: "gone" });
    const problems = await getFeedProblems(admin, { show: "all-problems", sort: "errors" });
    expect(problems.rows.map((row) => row.id)).toEqual(expect.arrayContaining([failing.id, dormant.id]));
    expect((await getFeedProblems(admin, { show: "dormant" })).rows.map((row) => row.id)).not.toContain(failing.id);
    expect((await retryFeed(admin, failing.id)).kind).toBe("done");
    expect((await db.blog.findUniqueOrThrow({ where: { id: failing.id } })).nextCheckAt.getTime()).toBeLessThanOrEqual(Date.now());
    const figures = await getSystemFigures(admin);
    expect(figures.queue.failing).toBeGreaterThanOrEqual(1);
    expect(figures.queue.dormant).toBeGreaterThanOrEqual(1);
    expect(figures.database.size).toMatch(/\d+ (kB|MB|GB)/);
  });

  it("keeps the audit log append-only in the database itself; a deleted admin's entries stay, unlinked", async () => {
    const entry = await db.auditLog.findFirstOrThrow({ where: { actorId: admin.id } });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { reason: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    const other = asCurrent(await createUser({ role: "ADMIN" }));
    const blog = await createListing();
    await suspendListing(other, blog.slug, "short-lived admin");
    await db.user.delete({ where: { id: other.id } });
    expect(await db.auditLog.findFirst({ where: { targetId: blog.id }, select: { actorId: true, action: true, reason: true } })).toEqual({ actorId: null, action: "listing.suspend", reason: "short-lived admin" });
  });

  it("filters the audit log by action and actor, newest first, and pages through it", async () => {
    const page = await listAudit(admin, { action: "listing.", actor: admin.email });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((row) => row.action.startsWith("listing.") && row.actor?.email === admin.email)).toBe(true);
    const times = page.rows.map((row) => row.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(await auditActions(admin)).toEqual(expect.arrayContaining(["listing.suspend", "submission.approve", "user.ban"]));
  });
});
