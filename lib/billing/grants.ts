// A Business Listing granted (or withdrawn) by hand by an admin, with or without Stripe: a partner,
// a refund made good, an installation without billing. Audited with who, what, when and why; the
// tier itself is recomputed by the one writer (subscriptions.ts), so a paid subscription still holds
// a listing whose grant is withdrawn.
import "server-only";
import { db } from "@/lib/db";
import { announcePageChanges } from "@/lib/page-cache/announce";
import { recomputeTier, type TTierChange } from "./subscriptions";

export type GrantAnswer = { kind: "done"; change: TTierChange } | { kind: "not-found" } | { kind: "unchanged"; message: string };

/** `actorId` is the admin (null for the operator at the command line); the caller has checked the role. */
export async function setBusinessGrant(actorId: string | null, slug: string, grant: boolean, reason: string, now = new Date()): Promise<GrantAnswer> {
  const answer = await db.$transaction(async (tx): Promise<GrantAnswer> => {
    const blog = await tx.blog.findUnique({ where: { slug }, select: { id: true, businessGrantedAt: true } });
    if (!blog) return { kind: "not-found" };
    if (Boolean(blog.businessGrantedAt) === grant) return { kind: "unchanged", message: grant ? `${slug} already has a granted Business Listing` : `${slug} has no granted Business Listing` };
    await tx.blog.update({ where: { id: blog.id }, data: { businessGrantedAt: grant ? now : null } });
    await tx.auditLog.create({
      data: { actorId, action: grant ? "listing.grant-business" : "listing.remove-business", targetType: "Blog", targetId: blog.id, reason },
    });
    const change = await recomputeTier(tx, blog.id, now);
    return { kind: "done", change: change! };
  });
  if (answer.kind === "done" && answer.change.before !== answer.change.after) await announcePageChanges(db, [`blog:${answer.change.blogId}`, "lists:now"]);
  return answer;
}
