// E-mail subscriptions to a listing. A subscription starts PENDING and becomes CONFIRMED through
// the double opt-in mail (the mail issue sends it and issues the confirmation token). Every
// request gets the same answer whether the address was new, pending, confirmed or unsubscribed,
// so the form cannot be used to learn who subscribes to what.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { publicListingWhere } from "@/lib/listings/queries";

export type SubscribeResult = { ok: true } | { ok: false; reason: "not-found" };

export async function subscribe(blogId: string, email: string): Promise<SubscribeResult> {
  const blog = await db.blog.findFirst({ where: { id: blogId, ...publicListingWhere }, select: { id: true } });
  if (!blog) return { ok: false, reason: "not-found" };
  await db.emailSubscription.upsert({
    where: { blogId_email: { blogId, email } },
    create: { blogId, email, unsubscribeToken: randomBytes(24).toString("base64url") },
    // An unsubscribed address that asks again goes back to pending (it must confirm again);
    // pending and confirmed ones stay as they are.
    update: {},
  });
  await db.emailSubscription.updateMany({ where: { blogId, email, status: "UNSUBSCRIBED" }, data: { status: "PENDING", unsubscribedAt: null } });
  return { ok: true };
}
