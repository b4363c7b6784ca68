// Every admin action passes through here twice: `assertAdmin` (the domain's own check, behind the
// route's requireAdmin: a non-admin reaching a function is refused, not trusted) and `audit`, which
// writes who, what, when and why in the same transaction as the change. The log is append-only:
// nothing in the application updates or deletes its rows.
import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export class NotAdminError extends Error {
  constructor() {
    super("not found");
    this.name = "NotAdminError";
  }
}

export type TAdmin = CurrentUser & { role: "ADMIN" };

/** What an admin action answers: done (and what happened), refused with why, or nothing there. */
export type TDone = { kind: "done"; message: string } | { kind: "invalid"; message: string } | { kind: "not-found" };

/** The "why" every consequential admin action asks for, kept in the audit log. */
export const ZAuditReason = z.string().trim().min(3, { error: "Say why, in a few words: the audit log keeps it." }).max(500, { error: "Keep the reason under 500 characters." });

export function assertAdmin(actor: CurrentUser | null | undefined): asserts actor is TAdmin {
  if (!actor || actor.role !== "ADMIN") throw new NotAdminError();
}

type Tx = Prisma.TransactionClient;

export type TAuditEntry = { action: string; targetType: string; targetId: string; reason?: string | null; data?: Prisma.InputJsonValue };

export function audit(tx: Tx, admin: TAdmin | { id: null }, entry: TAuditEntry) {
  return tx.auditLog.create({ data: { actorId: admin.id, action: entry.action, targetType: entry.targetType, targetId: entry.targetId, reason: entry.reason ?? null, data: entry.data } });
}

export const AUDIT_PAGE_SIZE = 50;

export type TAuditFilter = { action?: string; actor?: string; target?: string; before?: string };

/** The log, newest first, filtered by action prefix, actor e-mail and target id; keyset pages. */
export async function listAudit(admin: CurrentUser, filter: TAuditFilter) {
  assertAdmin(admin);
  const before = filter.before ? await db.auditLog.findUnique({ where: { id: filter.before }, select: { createdAt: true, id: true } }) : null;
  const rows = await db.auditLog.findMany({
    where: {
      ...(filter.action ? { action: { startsWith: filter.action } } : {}),
      ...(filter.actor ? { actor: { email: { contains: filter.actor.toLowerCase() } } } : {}),
      ...(filter.target ? { targetId: filter.target } : {}),
      ...(before ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, action: true, targetType: true, targetId: true, reason: true, data: true, createdAt: true, actor: { select: { email: true } } },
  });
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), next: rows.length > AUDIT_PAGE_SIZE ? rows[AUDIT_PAGE_SIZE - 1]!.id : null };
}

/** The distinct actions written so far, for the filter's list. */
export async function auditActions(admin: CurrentUser): Promise<string[]> {
  assertAdmin(admin);
  const rows = await db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}
