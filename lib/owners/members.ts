// The people of a listing: owners invite co-editors (or co-owners) by e-mail, change their role or
// remove them; anyone can leave; a user can delete their account (their listings stay, ownerless,
// for claiming). As in my-listings.ts, every function takes the acting user and a listing that is
// not theirs is "not found". An invitation is a random link, stored as a hash, for one address,
// for seven days; it works once, and only for someone signed in with that address.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { ZSignInEmail } from "@/lib/auth/email-address";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { loadSettings } from "@/lib/env";
import { cancelSubscriptionsOfUser } from "@/lib/billing/checkout";
import { recomputeTier } from "@/lib/billing/subscriptions";
import { announcePageChanges } from "@/lib/page-cache/announce";
import { hit, type Limit } from "@/lib/rate-limit";
import { sendMail } from "@/lib/services/mail";
import { escapeHtml } from "@/lib/html";

export const INVITES_PER_DAY: Limit = { max: 20, windowMs: 86_400_000 };
const INVITE_DAYS = 7;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const ZRole = z.enum(["OWNER", "EDITOR"], { error: "Choose owner or editor." });

type Membership = { blogId: string; name: string; slug: string; role: "OWNER" | "EDITOR" };

async function membership(user: CurrentUser, slug: string): Promise<Membership | null> {
  const row = await db.blogMember.findFirst({ where: { userId: user.id, blog: { slug } }, select: { role: true, blog: { select: { id: true, name: true, slug: true } } } });
  return row ? { blogId: row.blog.id, name: row.blog.name, slug: row.blog.slug, role: row.role } : null;
}

/** The members and open invitations of a listing I belong to; null when I do not. */
export async function getPeople(user: CurrentUser, slug: string) {
  const mine = await membership(user, slug);
  if (!mine) return null;
  const [members, invitations] = await Promise.all([
    db.blogMember.findMany({ where: { blogId: mine.blogId }, select: { role: true, user: { select: { id: true, email: true, name: true } } }, orderBy: { createdAt: "asc" } }),
    db.invitation.findMany({ where: { blogId: mine.blogId, acceptedAt: null, expiresAt: { gt: new Date() } }, select: { email: true, role: true, expiresAt: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return { myRole: mine.role, members: members.map((member) => ({ ...member.user, role: member.role })), invitations };
}

export type PeopleAnswer = { kind: "done"; message: string } | { kind: "invalid"; errors: Partial<Record<"email" | "role" | "form", string>> } | { kind: "not-found" };

const ownersOnly: PeopleAnswer = { kind: "invalid", errors: { form: "Only an owner of this listing can do that." } };

export async function inviteMember(user: CurrentUser, slug: string, input: { email?: unknown; role?: unknown }): Promise<PeopleAnswer> {
  const mine = await membership(user, slug);
  if (!mine) return { kind: "not-found" };
  if (mine.role !== "OWNER") return ownersOnly;
  const email = ZSignInEmail.safeParse(input.email ?? "");
  const role = ZRole.safeParse(input.role ?? "EDITOR");
  if (!email.success || !role.success) {
    return { kind: "invalid", errors: { ...(email.success ? {} : { email: email.error.issues[0]!.message }), ...(role.success ? {} : { role: role.error.issues[0]!.message }) } };
  }
  if (await db.blogMember.count({ where: { blogId: mine.blogId, user: { email: email.data } } })) return { kind: "invalid", errors: { email: "This person is already a member." } };
  const limited = await hit(`invite:user:${user.id}`, INVITES_PER_DAY);
  if (!limited.ok) return { kind: "invalid", errors: { form: "You have sent many invitations today: try again tomorrow." } };
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  const invitation = await db.invitation.upsert({
    where: { blogId_email: { blogId: mine.blogId, email: email.data } },
    create: { blogId: mine.blogId, email: email.data, role: role.data, tokenHash: sha256(token), invitedById: user.id, expiresAt },
    update: { role: role.data, tokenHash: sha256(token), invitedById: user.id, expiresAt, acceptedAt: null },
    select: { id: true },
  });
  const link = new URL(`/invitations/${token}`, loadSettings().APP_URL).href;
  try {
    await sendMail({
      to: email.data,
      subject: `${user.name ?? user.email} invites you to edit ${mine.name} on BlogAtlas`,
      text: `${user.name ?? user.email} invites you to ${role.data === "OWNER" ? "co-own" : "edit"} the listing of ${mine.name} on BlogAtlas.\n\nAccept here (sign in with this address, ${email.data}):\n${link}\n\nThe link works once, for ${INVITE_DAYS} days. If you do not know them, ignore this message.\n`,
      html: `<p>${escapeHtml(user.name ?? user.email)} invites you to ${role.data === "OWNER" ? "co-own" : "edit"} the listing of <strong>${escapeHtml(mine.name)}</strong> on BlogAtlas.</p><p><a href="${escapeHtml(link)}">Accept the invitation</a> (sign in with this address, ${escapeHtml(email.data)}).</p><p>The link works once, for ${INVITE_DAYS} days.</p>`,
    });
  } catch {
    // An invitation nobody received must not linger as "not accepted yet".
    await db.invitation.delete({ where: { id: invitation.id } });
    return { kind: "invalid", errors: { form: "We could not send the invitation e-mail just now. Try again in a moment." } };
  }
  return { kind: "done", message: `Invitation sent to ${email.data}.` };
}


export type AcceptAnswer = { kind: "accepted"; slug: string; name: string } | { kind: "refused"; reason: string };

export async function acceptInvitation(user: CurrentUser, token: string, now = new Date()): Promise<AcceptAnswer> {
  const invitation = await db.invitation.findUnique({ where: { tokenHash: sha256(token) }, include: { blog: { select: { slug: true, name: true } } } });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now) return { kind: "refused", reason: "This invitation has expired or was already used. Ask the owner for a new one." };
  if (invitation.email !== user.email.toLowerCase()) return { kind: "refused", reason: `This invitation is for ${invitation.email}. Sign in with that address to accept it.` };
  await db.$transaction([
    db.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now } }),
    db.blogMember.upsert({ where: { blogId_userId: { blogId: invitation.blogId, userId: user.id } }, create: { blogId: invitation.blogId, userId: user.id, role: invitation.role }, update: { role: invitation.role } }),
  ]);
  return { kind: "accepted", slug: invitation.blog.slug, name: invitation.blog.name };
}

async function otherOwners(blogId: string, userId: string) {
  return db.blogMember.count({ where: { blogId, role: "OWNER", userId: { not: userId } } });
}

export async function changeMemberRole(user: CurrentUser, slug: string, memberId: string, rawRole: unknown): Promise<PeopleAnswer> {
  const mine = await membership(user, slug);
  if (!mine) return { kind: "not-found" };
  if (mine.role !== "OWNER") return ownersOnly;
  const role = ZRole.safeParse(rawRole);
  if (!role.success) return { kind: "invalid", errors: { role: role.error.issues[0]!.message } };
  const member = await db.blogMember.findUnique({ where: { blogId_userId: { blogId: mine.blogId, userId: memberId } } });
  if (!member) return { kind: "not-found" };
  if (member.role === "OWNER" && role.data === "EDITOR" && (await otherOwners(mine.blogId, memberId)) === 0) return { kind: "invalid", errors: { form: "A listing keeps at least one owner." } };
  await db.blogMember.update({ where: { blogId_userId: { blogId: mine.blogId, userId: memberId } }, data: { role: role.data } });
  return { kind: "done", message: "Role changed." };
}

export async function removeMember(user: CurrentUser, slug: string, memberId: string): Promise<PeopleAnswer> {
  const mine = await membership(user, slug);
  if (!mine) return { kind: "not-found" };
  if (mine.role !== "OWNER") return ownersOnly;
  if (memberId === user.id) return { kind: "invalid", errors: { form: "To remove yourself, leave the listing." } };
  const removed = await db.blogMember.deleteMany({ where: { blogId: mine.blogId, userId: memberId } });
  return removed.count ? { kind: "done", message: "Removed." } : { kind: "not-found" };
}

/** Leaving is always allowed: the last owner leaving leaves the listing ownerless, open to claims. */
export async function leaveListing(user: CurrentUser, slug: string): Promise<PeopleAnswer> {
  const mine = await membership(user, slug);
  if (!mine) return { kind: "not-found" };
  await db.blogMember.delete({ where: { blogId_userId: { blogId: mine.blogId, userId: user.id } } });
  if (mine.role === "OWNER" && (await otherOwners(mine.blogId, user.id)) === 0) {
    await db.blog.update({ where: { id: mine.blogId }, data: { verifiedAt: null } });
    await announcePageChanges(db, [`blog:${mine.blogId}`]); // its page no longer says "verified"
  }
  return { kind: "done", message: `You left ${mine.name}.` };
}

/** Deletes the account, its sessions and memberships; listings it owned stay, ownerless and unverified. */
export async function deleteMyAccount(user: CurrentUser): Promise<void> {
  const owned = await db.blogMember.findMany({ where: { userId: user.id, role: "OWNER" }, select: { blogId: true } });
  // Business Listings this account pays for are cancelled at Stripe first; their rows go with the
  // account, and each listing's tier is recomputed (back to free unless another payer or a grant holds it).
  const paidFor = await cancelSubscriptionsOfUser(user.id);
  const orphaned = await db.$transaction(async (tx) => {
    await tx.user.delete({ where: { id: user.id } });
    for (const blogId of paidFor) await recomputeTier(tx, blogId);
    const ids: string[] = [];
    for (const { blogId } of owned) {
      if ((await tx.blogMember.count({ where: { blogId, role: "OWNER" } })) > 0) continue;
      await tx.blog.update({ where: { id: blogId }, data: { verifiedAt: null } });
      ids.push(blogId);
    }
    return ids;
  });
  await announcePageChanges(db, [...new Set([...orphaned, ...paidFor])].map((blogId) => `blog:${blogId}`).concat(paidFor.length ? ["lists:now"] : []));
}
