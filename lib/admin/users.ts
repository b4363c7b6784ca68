// Admins and users: search, see a user's listings, change roles, ban and unban. A ban ends every
// session of the user at once (the guard also refuses a banned user's session on every request).
import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { assertAdmin, audit, ZAuditReason as ZReason, type TDone } from "./audit";


export async function searchUsers(admin: CurrentUser, rawQuery: unknown, rawFilter: unknown) {
  assertAdmin(admin);
  const q = z.string().trim().max(200).catch("").parse(rawQuery ?? "");
  const filter = z.enum(["all", "admins", "banned"]).catch("all").parse(rawFilter ?? "all");
  return db.user.findMany({
    where: {
      ...(q ? { OR: [{ email: { contains: q.toLowerCase() } }, { name: { contains: q, mode: "insensitive" } }] } : {}),
      ...(filter === "admins" ? { role: "ADMIN" } : filter === "banned" ? { bannedAt: { not: null } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, email: true, name: true, role: true, bannedAt: true, createdAt: true, _count: { select: { memberships: true } } },
  });
}

export async function getUserForAdmin(admin: CurrentUser, id: string) {
  assertAdmin(admin);
  return db.user.findUnique({
    where: { id },
    select: {
      id: true, email: true, name: true, role: true, bannedAt: true, banReason: true, createdAt: true,
      memberships: { select: { role: true, blog: { select: { slug: true, name: true, status: true, tier: true } } } },
      submittedBlogs: { orderBy: { createdAt: "desc" }, take: 20, select: { slug: true, name: true, status: true } },
      _count: { select: { sessions: true } },
    },
  });
}

export async function setUserRole(admin: CurrentUser, userId: string, rawRole: unknown, rawReason: unknown): Promise<TDone> {
  assertAdmin(admin);
  const role = z.enum(["USER", "ADMIN"], { error: "Choose a role." }).safeParse(rawRole);
  const reason = ZReason.safeParse(rawReason);
  if (!role.success) return { kind: "invalid", message: role.error.issues[0]!.message };
  if (!reason.success) return { kind: "invalid", message: reason.error.issues[0]!.message };
  if (userId === admin.id && role.data !== "ADMIN") return { kind: "invalid", message: "You cannot take your own admin role; another admin can." };
  const changed = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!user) return null;
    await tx.user.update({ where: { id: user.id }, data: { role: role.data } });
    await audit(tx, admin, { action: role.data === "ADMIN" ? "user.grant-admin" : "user.revoke-admin", targetType: "User", targetId: user.id, reason: reason.data, data: { from: user.role, to: role.data } });
    return user;
  });
  return changed ? { kind: "done", message: role.data === "ADMIN" ? "Now an administrator." : "Now an ordinary member." } : { kind: "not-found" };
}

export async function setUserBanned(admin: CurrentUser, userId: string, banned: boolean, rawReason: unknown): Promise<TDone> {
  assertAdmin(admin);
  const reason = ZReason.safeParse(rawReason);
  if (!reason.success) return { kind: "invalid", message: reason.error.issues[0]!.message };
  if (userId === admin.id) return { kind: "invalid", message: "You cannot ban yourself." };
  const result = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) return null;
    await tx.user.update({ where: { id: user.id }, data: banned ? { bannedAt: new Date(), banReason: reason.data } : { bannedAt: null, banReason: null } });
    const ended = banned ? (await tx.session.deleteMany({ where: { userId: user.id } })).count : 0;
    await audit(tx, admin, { action: banned ? "user.ban" : "user.unban", targetType: "User", targetId: user.id, reason: reason.data, data: banned ? { sessionsEnded: ended } : undefined });
    return { ended };
  });
  if (!result) return { kind: "not-found" };
  return { kind: "done", message: banned ? `Banned; ${result.ended} ${result.ended === 1 ? "session" : "sessions"} ended.` : "Unbanned: they can sign in again." };
}
