// When a listing goes dormant (its feed failing past the grace period, or gone), its owners hear
// it once, with the last error and where to fix it; the worker goes on whatever the mail does.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadWorkerSettings } from "@/lib/env";
import { mailConfigured, sendMail } from "@/lib/services/mail";
import { escapeHtml } from "@/lib/html";

export async function mailOwnersAboutDormancy(db: PrismaClient, blogId: string, reason: string): Promise<number> {
  if (!mailConfigured()) return 0;
  const blog = await db.blog.findUnique({
    where: { id: blogId },
    select: { name: true, slug: true, feedUrl: true, members: { where: { role: "OWNER" }, select: { user: { select: { email: true } } } } },
  });
  if (!blog || blog.members.length === 0) return 0;
  const dashboard = new URL(`/dashboard/listings/${blog.slug}`, loadWorkerSettings().APP_URL).href;
  for (const { user } of blog.members) {
    await sendMail({
      to: user.email,
      subject: `${blog.name} went quiet on BlogAtlas`,
      text: `We could not read the feed of ${blog.name} (${blog.feedUrl}) for a while, so its listing is now dormant: it stays in the directory with its posts, and we check it less often.\n\nThe last problem: ${reason}\n\nIf the feed moved, update it or write to us; once it answers again, the listing comes back on its own.\n${dashboard}\n`,
      html: `<p>We could not read the feed of <strong>${escapeHtml(blog.name)}</strong> (${escapeHtml(blog.feedUrl)}) for a while, so its listing is now dormant: it stays in the directory with its posts, and we check it less often.</p><p>The last problem: ${escapeHtml(reason)}</p><p>Once the feed answers again, the listing comes back on its own. <a href="${escapeHtml(dashboard)}">Your listing</a></p>`,
    });
  }
  return blog.members.length;
}

