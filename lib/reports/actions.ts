// Visitor reports land in the moderation table (the admin queue is the moderation issue's).
import "server-only";
import { db } from "@/lib/db";
import { publicListingWhere } from "@/lib/listings/queries";
import type { TCreateReport } from "./schemas";

export type CreateReportResult = { ok: true; id: string } | { ok: false; reason: "not-found" };

export async function createReport(input: TCreateReport, reporterId?: string): Promise<CreateReportResult> {
  // Only what visitors can see can be reported, and a post only together with its own blog.
  const blog = await db.blog.findFirst({ where: { id: input.blogId, ...publicListingWhere }, select: { id: true } });
  if (!blog) return { ok: false, reason: "not-found" };
  if (input.postId) {
    const post = await db.post.findFirst({ where: { id: input.postId, blogId: blog.id }, select: { id: true } });
    if (!post) return { ok: false, reason: "not-found" };
  }
  const report = await db.report.create({
    data: { blogId: blog.id, postId: input.postId, reason: input.reason, details: input.details, reporterEmail: input.email, reporterId },
    select: { id: true },
  });
  return { ok: true, id: report.id };
}

/** What the report form names: the listing and, if given, its post. */
export async function getReportTarget(blogSlug: string, postId?: string) {
  const blog = await db.blog.findFirst({ where: { slug: blogSlug, ...publicListingWhere }, select: { id: true, slug: true, name: true } });
  if (!blog) return null;
  const post = postId ? await db.post.findFirst({ where: { id: postId, blogId: blog.id }, select: { id: true, title: true } }) : null;
  if (postId && !post) return null;
  return { blog, post };
}
