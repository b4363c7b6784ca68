// A listing that turns dormant tells its owners once, by mail; a mail failure never fails the run.
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startFeedServer, type FeedServer } from "@/lib/testing/feed-server";
import { createListing, createUser } from "@/lib/testing/fixtures";
import { catchMailIn, waitForMail } from "@/lib/testing/mail-catcher";
import { FeedWorker } from "./feed-worker";
import { policyOf } from "./url-policy";

const mailDir = mkdtempSync(path.join(os.tmpdir(), "dormancy-mail-"));
let server: FeedServer;
let stopMail: () => Promise<void>;

beforeAll(async () => {
  stopMail = await catchMailIn(mailDir);
  server = await startFeedServer();
  server.route("/gone.xml", (_request, response) => response.writeHead(410).end());
});
afterAll(async () => {
  server.close();
  await stopMail();
});

describe("dormancy mail", () => {
  it("mails every owner once when the feed is gone, not again while it stays dormant", async () => {
    const owner = await createUser();
    const blog = await createListing({ feedUrl: server.url("/gone.xml"), siteUrl: server.url("/"), status: "ACTIVE", nextCheckAt: new Date(0) });
    await db.blogMember.create({ data: { blogId: blog.id, userId: owner.id, role: "OWNER" } });
    const since = Date.now();
    const worker = new FeedWorker(db, { policy: policyOf([server.hostPort]) });
    await worker.runOne(blog.id);
    const mail = await waitForMail(owner.email, since, 10_000, mailDir);
    expect(mail.subject).toBe(`${blog.name} went quiet on BlogAtlas`);
    expect(mail.text).toContain("the feed is gone (HTTP 410)");
    expect(mail.text).toContain(`/dashboard/listings/${blog.slug}`);
    expect((await db.blog.findUniqueOrThrow({ where: { id: blog.id } })).status).toBe("DORMANT");

    await db.blog.update({ where: { id: blog.id }, data: { nextCheckAt: new Date(0) } });
    await worker.runOne(blog.id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const toOwner = readdirSync(mailDir).filter((name) => name.endsWith(".json")).length;
    expect(toOwner).toBe(1);
  });
});
