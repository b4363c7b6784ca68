import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createListing, createPost } from "@/lib/testing/fixtures";
import { createReport, getReportTarget } from "./actions";
import { ZCreateReport } from "./schemas";

describe("visitor reports", () => {
  it("lands a report on a post in the moderation table", async () => {
    const blog = await createListing();
    const post = await createPost(blog.id);
    const input = ZCreateReport.parse({ blogId: blog.id, postId: post.id, reason: "COPYRIGHT", details: "  This is my article.  ", email: "owner@example.com" });
    const result = await createReport(input);
    expect(result.ok).toBe(true);
    expect(await db.report.findMany({ where: { blogId: blog.id } })).toEqual([
      expect.objectContaining({ postId: post.id, reason: "COPYRIGHT", details: "This is my article.", reporterEmail: "owner@example.com", status: "OPEN" }),
    ]);
  });

  it("refuses a post that belongs to another blog, and listings visitors cannot see", async () => {
    const blog = await createListing();
    const other = await createListing();
    const otherPost = await createPost(other.id);
    expect(await createReport(ZCreateReport.parse({ blogId: blog.id, postId: otherPost.id, reason: "SPAM" }))).toEqual({ ok: false, reason: "not-found" });
    const pending = await createListing({ status: "PENDING" });
    expect(await createReport(ZCreateReport.parse({ blogId: pending.id, reason: "SPAM" }))).toEqual({ ok: false, reason: "not-found" });
    expect(await getReportTarget(pending.slug)).toBeNull();
    expect(await getReportTarget(blog.slug, otherPost.id)).toBeNull();
    expect(await db.report.count({ where: { blogId: { in: [blog.id, pending.id] } } })).toBe(0);
  });

  it("answers bad input with a message per field", () => {
    const result = ZCreateReport.safeParse({ blogId: "x", reason: "BORING", email: "not-an-email", details: "d".repeat(4001) });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      blogId: "The listing is missing; open the report form from a blog or post page.",
      reason: "Choose what is wrong.",
      email: "That e-mail address does not look right.",
      details: "Please keep the details under 4,000 characters.",
    });
  });
});
