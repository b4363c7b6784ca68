// The moderation queue: new submissions (with what their feed held, the spam signals and possible
// duplicates), claims that need a look (contested, or a lapsed ownership re-check) and visitor
// reports. Each item is approved, rejected with a reason from the list plus a note (the person
// concerned is told by e-mail), or deferred to the back of the queue. Every decision is audited.
import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { loadWorkerSettings } from "@/lib/env";
import { escapeHtml } from "@/lib/html";
import { wakeFeedWorkers } from "@/lib/ingest/claim-feeds";
import { announcePageChanges } from "@/lib/page-cache/announce";
import { mailConfigured, sendMail } from "@/lib/services/mail";
import { assertAdmin, audit } from "./audit";

export const REJECTION_REASONS = {
  SPAM: "Spam, or made mainly for advertising",
  COPIED: "It copies other people's posts",
  NOT_A_BLOG: "Not a blog (no regular posts of its own)",
  FEED_UNREADABLE: "Its feed cannot be read",
  OFFENSIVE: "Offensive or illegal content",
  DUPLICATE: "Already listed under another name",
  OTHER: "Another reason (see the note)",
} as const;

export const ZDecisionNote = z.string().trim().max(1000, { error: "Keep the note under 1,000 characters." }).default("");
export const ZRejection = z.object({
  reason: z.enum(Object.keys(REJECTION_REASONS) as [keyof typeof REJECTION_REASONS, ...Array<keyof typeof REJECTION_REASONS>], { error: "Choose a reason from the list." }),
  note: ZDecisionNote,
});

export type TDecision = { kind: "done"; count: number } | { kind: "invalid"; message: string } | { kind: "not-found" };

const QUEUE_LIMIT = 100;

/** What the queue shows: oldest first, deferred items last. */
export async function getQueue(admin: CurrentUser) {
  assertAdmin(admin);
  const [submissions, claims, reports, counts] = await Promise.all([
    db.blog.findMany({
      where: { status: "PENDING" },
      orderBy: [{ reviewDeferredAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
      take: QUEUE_LIMIT,
      select: {
        id: true, slug: true, name: true, siteUrl: true, feedUrl: true, description: true, language: true, createdAt: true,
        spamScore: true, spamSignals: true, submissionPreview: true, reviewDeferredAt: true,
        submittedBy: { select: { email: true } },
        categories: { select: { category: { select: { name: true } } } },
      },
    }),
    db.claim.findMany({
      where: { status: { in: ["CONTESTED", "LAPSED"] } },
      orderBy: { createdAt: "asc" },
      take: QUEUE_LIMIT,
      select: {
        id: true, status: true, method: true, lastError: true, verifiedAt: true, checkedAt: true, createdAt: true,
        user: { select: { email: true } },
        blog: { select: { slug: true, name: true, members: { where: { role: "OWNER" }, select: { user: { select: { email: true } } } } } },
      },
    }),
    db.report.findMany({
      where: { status: "OPEN" },
      orderBy: [{ deferredAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
      take: QUEUE_LIMIT,
      select: {
        id: true, reason: true, details: true, createdAt: true, deferredAt: true, reporterEmail: true,
        reporter: { select: { email: true } },
        blog: { select: { slug: true, name: true, status: true } },
        post: { select: { id: true, title: true, url: true, hiddenAt: true } },
      },
    }),
    Promise.all([db.blog.count({ where: { status: "PENDING" } }), db.claim.count({ where: { status: { in: ["CONTESTED", "LAPSED"] } } }), db.report.count({ where: { status: "OPEN" } })]),
  ]);
  const duplicates = await possibleDuplicates(submissions);
  return {
    submissions: submissions.map((row) => ({ ...row, duplicates: duplicates.get(row.id) ?? [] })),
    claims,
    reports,
    counts: { submissions: counts[0], claims: counts[1], reports: counts[2] },
  };
}

/**
 * Other listings with a similar name (trigram, through the name index), three at most per
 * submission, in one query for the whole page. The same feed or site was refused when submitted.
 */
async function possibleDuplicates(rows: Array<{ id: string }>) {
  const found = new Map<string, Array<{ slug: string; name: string; status: string }>>();
  if (rows.length === 0) return found;
  const matches = await db.$queryRaw<Array<{ forId: string; slug: string; name: string; status: string }>>`
    SELECT s.id AS "forId", d.slug, d.name, d.status
      FROM "Blog" s
      CROSS JOIN LATERAL (
        SELECT b.slug, b.name, b.status::text AS status FROM "Blog" b
         WHERE b.id <> s.id AND b.status <> 'REJECTED' AND b.name % s.name
         ORDER BY similarity(b.name, s.name) DESC LIMIT 3) d
     WHERE s.id = ANY(${rows.map((row) => row.id)})`;
  for (const match of matches) found.set(match.forId, [...(found.get(match.forId) ?? []), { slug: match.slug, name: match.name, status: match.status }]);
  return found;
}

async function mailPerson(to: string | null | undefined, subject: string, lines: string[], link?: string) {
  if (!to || !mailConfigured()) return;
  const url = link ? new URL(link, loadWorkerSettings().APP_URL).href : undefined;
  try {
    await sendMail({
      to,
      subject,
      text: `${lines.join("\n\n")}${url ? `\n\n${url}` : ""}\n`,
      html: `${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}${url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : ""}`,
    });
  } catch (error) {
    // The decision stands; the mail is logged as not sent (the audit entry records the decision).
    console.warn(`moderation mail to ${to} not sent: ${(error as Error).message}`);
  }
}

const ids = z.array(z.string().min(1).max(40)).min(1, { error: "Select at least one item." }).max(100, { error: "At most 100 items at once." });

/** Approve submissions: listed at once, read by the worker right away, the submitter told. */
export async function approveSubmissions(admin: CurrentUser, rawIds: unknown, rawNote: unknown = ""): Promise<TDecision> {
  assertAdmin(admin);
  const parsed = ids.safeParse(rawIds);
  const note = ZDecisionNote.safeParse(rawNote);
  if (!parsed.success) return { kind: "invalid", message: parsed.error.issues[0]!.message };
  if (!note.success) return { kind: "invalid", message: note.error.issues[0]!.message };
  const approved = await db.$transaction(async (tx) => {
    const rows = await tx.blog.findMany({ where: { id: { in: parsed.data }, status: "PENDING" }, select: { id: true, slug: true, name: true, submittedBy: { select: { email: true } } } });
    for (const row of rows) {
      await tx.blog.update({ where: { id: row.id }, data: { status: "ACTIVE", reviewDeferredAt: null, rejectionReason: null, nextCheckAt: new Date() } });
      await audit(tx, admin, { action: "submission.approve", targetType: "Blog", targetId: row.id, reason: note.data || null });
    }
    return rows;
  });
  if (approved.length === 0) return { kind: "not-found" };
  for (const row of approved) await wakeFeedWorkers(db, row.id); // due now since the approval
  await announcePageChanges(db, ["lists:now"]);
  for (const row of approved) {
    await mailPerson(row.submittedBy?.email, `${row.name} is listed on BlogAtlas`, [`Good news: ${row.name} is now listed on BlogAtlas. Its newest posts appear within minutes.`, ...(note.data ? [`A note from the moderator: ${note.data}`] : [])], `/blogs/${row.slug}`);
  }
  return { kind: "done", count: approved.length };
}

/** Reject submissions with a reason from the list and a note; the submitter receives both. */
export async function rejectSubmissions(admin: CurrentUser, rawIds: unknown, input: { reason?: unknown; note?: unknown }): Promise<TDecision> {
  assertAdmin(admin);
  const parsed = ids.safeParse(rawIds);
  if (!parsed.success) return { kind: "invalid", message: parsed.error.issues[0]!.message };
  const decision = ZRejection.safeParse(input);
  if (!decision.success) return { kind: "invalid", message: decision.error.issues[0]!.message };
  const { reason, note } = decision.data;
  if (reason === "OTHER" && !note) return { kind: "invalid", message: "Say why in the note when the reason is \"another reason\"." };
  const text = REJECTION_REASONS[reason];
  const rejected = await db.$transaction(async (tx) => {
    const rows = await tx.blog.findMany({ where: { id: { in: parsed.data }, status: "PENDING" }, select: { id: true, name: true, submittedBy: { select: { email: true } } } });
    for (const row of rows) {
      await tx.blog.update({ where: { id: row.id }, data: { status: "REJECTED", reviewDeferredAt: null, rejectionReason: note ? `${text}: ${note}` : text } });
      await audit(tx, admin, { action: "submission.reject", targetType: "Blog", targetId: row.id, reason: note ? `${text}: ${note}` : text, data: { reason } });
    }
    return rows;
  });
  if (rejected.length === 0) return { kind: "not-found" };
  for (const row of rejected) {
    await mailPerson(row.submittedBy?.email, `${row.name} was not listed on BlogAtlas`, [
      `Thank you for submitting ${row.name}. A moderator looked at it and did not list it.`,
      `The reason: ${text}.`,
      ...(note ? [`The moderator's note: ${note}`] : []),
      "If something changes (or we got it wrong), you are welcome to submit it again.",
    ], "/submit");
  }
  return { kind: "done", count: rejected.length };
}

/** Defer submissions or reports: they go to the back of the queue. */
export async function deferItems(admin: CurrentUser, kind: "submission" | "report", rawIds: unknown): Promise<TDecision> {
  assertAdmin(admin);
  const parsed = ids.safeParse(rawIds);
  if (!parsed.success) return { kind: "invalid", message: parsed.error.issues[0]!.message };
  const now = new Date();
  const count = await db.$transaction(async (tx) => {
    const changed =
      kind === "submission"
        ? await tx.blog.updateMany({ where: { id: { in: parsed.data }, status: "PENDING" }, data: { reviewDeferredAt: now } })
        : await tx.report.updateMany({ where: { id: { in: parsed.data }, status: "OPEN" }, data: { deferredAt: now } });
    for (const id of parsed.data) await audit(tx, admin, { action: `${kind}.defer`, targetType: kind === "submission" ? "Blog" : "Report", targetId: id });
    return changed.count;
  });
  return count ? { kind: "done", count } : { kind: "not-found" };
}

export const REPORT_ACTIONS = ["hide-post", "suspend-listing", "dismiss"] as const;

/** A report handled: hide the reported post, suspend the listing, or dismiss the report. */
export async function resolveReport(admin: CurrentUser, reportId: string, rawAction: unknown, rawNote: unknown = ""): Promise<TDecision> {
  assertAdmin(admin);
  const action = z.enum(REPORT_ACTIONS, { error: "Choose what to do with the report." }).safeParse(rawAction);
  const note = ZDecisionNote.safeParse(rawNote);
  if (!action.success) return { kind: "invalid", message: action.error.issues[0]!.message };
  if (!note.success) return { kind: "invalid", message: note.error.issues[0]!.message };
  const now = new Date();
  const result = await db.$transaction(async (tx) => {
    const report = await tx.report.findFirst({ where: { id: reportId, status: "OPEN" }, select: { id: true, blogId: true, postId: true, reason: true } });
    if (!report) return null;
    if (action.data === "hide-post" && !report.postId) return "no-post" as const;
    const reason = note.data || `report: ${report.reason.toLowerCase()}`;
    if (action.data === "hide-post") {
      await tx.post.update({ where: { id: report.postId! }, data: { hiddenAt: now, hiddenReason: reason } });
      await audit(tx, admin, { action: "post.hide", targetType: "Post", targetId: report.postId!, reason, data: { reportId: report.id } });
    }
    if (action.data === "suspend-listing") {
      await tx.blog.updateMany({ where: { id: report.blogId, status: { in: ["ACTIVE", "DORMANT"] } }, data: { status: "SUSPENDED" } });
      await audit(tx, admin, { action: "listing.suspend", targetType: "Blog", targetId: report.blogId, reason, data: { reportId: report.id } });
    }
    await tx.report.update({ where: { id: report.id }, data: { status: action.data === "dismiss" ? "DISMISSED" : "RESOLVED", resolvedById: admin.id, resolvedAt: now, resolution: `${action.data}${note.data ? `: ${note.data}` : ""}` } });
    await audit(tx, admin, { action: `report.${action.data === "dismiss" ? "dismiss" : "resolve"}`, targetType: "Report", targetId: report.id, reason: note.data || null, data: { action: action.data } });
    return report;
  });
  if (result === null) return { kind: "not-found" };
  if (result === "no-post") return { kind: "invalid", message: "This report is about the whole listing, not one post: suspend the listing or dismiss the report." };
  if (action.data !== "dismiss") await announcePageChanges(db, [`blog:${result.blogId}`, ...(result.postId ? [`post:${result.postId}`] : []), "lists:now"]);
  return { kind: "done", count: 1 };
}

/**
 * A claim that needs a look. Contested (the claimant proved control of a listing that has an owner):
 * approving makes the claimant its owner and the previous owners its editors; rejecting closes the
 * claim. Lapsed (the monthly re-check no longer found the proof): approving keeps the ownership;
 * rejecting ends it. The claimant (or owner) is told by e-mail.
 */
export async function decideClaim(admin: CurrentUser, claimId: string, approve: boolean, rawNote: unknown = ""): Promise<TDecision> {
  assertAdmin(admin);
  const note = ZDecisionNote.safeParse(rawNote);
  if (!note.success) return { kind: "invalid", message: note.error.issues[0]!.message };
  const now = new Date();
  const claim = await db.$transaction(async (tx) => {
    const row = await tx.claim.findFirst({ where: { id: claimId, status: { in: ["CONTESTED", "LAPSED"] } }, select: { id: true, status: true, blogId: true, userId: true, user: { select: { email: true } }, blog: { select: { name: true, slug: true } } } });
    if (!row) return null;
    if (row.status === "CONTESTED" && approve) {
      await tx.blogMember.updateMany({ where: { blogId: row.blogId, role: "OWNER", userId: { not: row.userId } }, data: { role: "EDITOR" } });
      await tx.blogMember.upsert({ where: { blogId_userId: { blogId: row.blogId, userId: row.userId } }, create: { blogId: row.blogId, userId: row.userId, role: "OWNER" }, update: { role: "OWNER" } });
      await tx.claim.update({ where: { id: row.id }, data: { status: "VERIFIED", checkedAt: now } });
      await tx.blog.update({ where: { id: row.blogId }, data: { verifiedAt: now } });
    } else if (row.status === "CONTESTED") {
      await tx.claim.update({ where: { id: row.id }, data: { status: "FAILED", checkedAt: now, lastError: `declined by a moderator${note.data ? `: ${note.data}` : ""}` } });
    } else if (approve) {
      await tx.claim.update({ where: { id: row.id }, data: { status: "VERIFIED", checkedAt: now, lastError: null } });
    } else {
      await tx.blogMember.deleteMany({ where: { blogId: row.blogId, userId: row.userId, role: "OWNER" } });
      await tx.claim.update({ where: { id: row.id }, data: { status: "EXPIRED", checkedAt: now } });
      if ((await tx.blogMember.count({ where: { blogId: row.blogId, role: "OWNER" } })) === 0) await tx.blog.update({ where: { id: row.blogId }, data: { verifiedAt: null } });
    }
    await audit(tx, admin, { action: `claim.${row.status === "CONTESTED" ? (approve ? "approve" : "reject") : approve ? "keep" : "end"}`, targetType: "Claim", targetId: row.id, reason: note.data || null, data: { blogId: row.blogId, userId: row.userId } });
    return row;
  });
  if (!claim) return { kind: "not-found" };
  await announcePageChanges(db, [`blog:${claim.blogId}`]);
  const outcome =
    claim.status === "CONTESTED"
      ? approve ? `Your claim of ${claim.blog.name} was approved: you are now its owner.` : `Your claim of ${claim.blog.name} was declined by a moderator.`
      : approve ? `A moderator confirmed your ownership of ${claim.blog.name}.` : `Your ownership of ${claim.blog.name} ended: the proof of ownership is no longer on the site. You can claim it again at any time.`;
  await mailPerson(claim.user.email, `Your claim of ${claim.blog.name}`, [outcome, ...(note.data ? [`The moderator's note: ${note.data}`] : [])], `/blogs/${claim.blog.slug}`);
  return { kind: "done", count: 1 };
}
