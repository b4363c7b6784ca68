// Claiming a listing: a signed-in user proves they run the blog by one of four methods, and a
// verified claim makes them its owner and shows a verified badge.
//   META_TAG         <meta name="blogatlas-verification" content="TOKEN"> on the home page
//   WELL_KNOWN_FILE  /.well-known/blogatlas-verification.txt containing the token
//   FEED_ITEM        the token in the title or body of a post in the feed
//   EMAIL_CODE       a six-digit code mailed to an address at the blog's own domain
// Tokens are random per claim (an HMAC of the claim id, so the page can show it again, stored only
// as a hash), single-use (a verified claim is done), expire, and every start and check is counted
// against limits. A second person verifying a blog that already has a verified owner does not
// take it over: the claim is CONTESTED and goes to the moderation queue.
import "server-only";
import { createHash, createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { loadSettings } from "@/lib/env";
import { fetchFeed } from "@/lib/ingest/fetch-feed";
import { decodeFeedBody } from "@/lib/ingest/decode";
import { previewFeed } from "@/lib/ingest/preview";
import type { FetchPolicy } from "@/lib/ingest/url-policy";
import { escapeHtml } from "@/lib/html";
import { newId } from "@/lib/ingest/new-id";
import { announcePageChanges } from "@/lib/page-cache/announce";
import { hit, type Limit } from "@/lib/rate-limit";
import { sendMail } from "@/lib/services/mail";

export const CLAIM_STARTS_PER_DAY: Limit = { max: 10, windowMs: 86_400_000 };
export const CHECKS_PER_CLAIM = 20;
export const CODE_ATTEMPTS = 5;
const TOKEN_DAYS = 7;
const CODE_MINUTES = 30;

export type ClaimMethod = "META_TAG" | "WELL_KNOWN_FILE" | "FEED_ITEM" | "EMAIL_CODE";
export const ZClaimMethod = z.enum(["META_TAG", "WELL_KNOWN_FILE", "FEED_ITEM", "EMAIL_CODE"], { error: "Choose how you will prove the blog is yours." });

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The token shown for a claim: derived from its id with the app's secret, so only we can make it. */
export function claimToken(claimId: string): string {
  return `blogatlas-${createHmac("sha256", loadSettings().NEXTAUTH_SECRET).update(`claim:${claimId}`).digest("base64url").slice(0, 32)}`;
}

/** The host a mailed code may go to: the blog's own domain, or a subdomain's parent (blog.x.example → x.example). */
export function claimableDomains(siteUrl: string): string[] {
  const host = new URL(siteUrl).hostname.toLowerCase().replace(/^www\./, "");
  const labels = host.split(".");
  return labels.length > 2 ? [host, labels.slice(1).join(".")] : [host];
}

export type ClaimView = { id: string; method: ClaimMethod; status: string; token?: string; email?: string | null; expiresAt: Date; lastError: string | null };

/** A blog that may be claimed, as the claim page shows it (public listings only). */
export function getClaimableListing(slug: string) {
  return db.blog.findFirst({ where: { slug, status: { in: ["ACTIVE", "DORMANT", "PENDING"] } }, select: { id: true, slug: true, name: true, siteUrl: true, feedUrl: true, verifiedAt: true } });
}

/** Whether the user owns the listing (a verified claim, or an owner's invitation). */
export async function ownsListing(user: CurrentUser, blogId: string): Promise<boolean> {
  return (await db.blogMember.count({ where: { blogId, userId: user.id, role: "OWNER" } })) > 0;
}

/** The user's open claim on a listing, if any, with the token to publish. */
export async function getMyClaim(user: CurrentUser, blogId: string): Promise<ClaimView | null> {
  const claim = await db.claim.findFirst({ where: { blogId, userId: user.id }, orderBy: { createdAt: "desc" } });
  if (!claim) return null;
  return { id: claim.id, method: claim.method, status: claim.status, token: claim.method === "EMAIL_CODE" ? undefined : claimToken(claim.id), email: claim.email, expiresAt: claim.expiresAt, lastError: claim.lastError };
}

export type StartAnswer = { kind: "started"; claim: ClaimView } | { kind: "invalid"; errors: Partial<Record<"method" | "email" | "form", string>>; retryAfterSeconds?: number };

export async function startClaim(user: CurrentUser, blogId: string, input: { method?: unknown; email?: unknown }, now = new Date()): Promise<StartAnswer> {
  const method = ZClaimMethod.safeParse(input.method);
  if (!method.success) return { kind: "invalid", errors: { method: method.error.issues[0]!.message } };
  const blog = await db.blog.findUnique({ where: { id: blogId }, select: { id: true, siteUrl: true, members: { where: { userId: user.id, role: "OWNER" }, select: { userId: true } } } });
  if (!blog) return { kind: "invalid", errors: { form: "This listing cannot be claimed." } };
  // An owner claims again only to renew a proof the monthly re-check found gone.
  if (blog.members.length && !(await db.claim.count({ where: { blogId, userId: user.id, status: "LAPSED" } }))) {
    return { kind: "invalid", errors: { form: "You already own this listing." } };
  }
  let email: string | undefined;
  if (method.data === "EMAIL_CODE") {
    const parsed = z.email().safeParse(String(input.email ?? "").trim().toLowerCase());
    const domain = parsed.success ? parsed.data.split("@")[1]! : "";
    if (!parsed.success || !claimableDomains(blog.siteUrl).includes(domain)) {
      return { kind: "invalid", errors: { email: `Use an address at the blog's own domain (${claimableDomains(blog.siteUrl).join(" or ")}).` } };
    }
    email = parsed.data;
  }
  const limited = await hit(`claim:user:${user.id}`, CLAIM_STARTS_PER_DAY, now);
  if (!limited.ok) return { kind: "invalid", errors: { form: "You have started many claims today: try again tomorrow." }, retryAfterSeconds: limited.retryAfterSeconds };
  // A new claim replaces the user's open ones on this listing (their tokens stop working).
  await db.claim.updateMany({ where: { blogId, userId: user.id, status: "PENDING" }, data: { status: "EXPIRED" } });
  const code = method.data === "EMAIL_CODE" ? String(randomInt(0, 1_000_000)).padStart(6, "0") : undefined;
  const expiresAt = new Date(now.getTime() + (code ? CODE_MINUTES * 60_000 : TOKEN_DAYS * 86_400_000));
  // The id is made here so that the token (derived from it) is stored with the row in one write.
  const id = newId();
  const tokenHash = sha256(code ? `${id}:${code}` : claimToken(id));
  await db.claim.create({ data: { id, blogId, userId: user.id, method: method.data, email, tokenHash, expiresAt } });
  if (code && email) {
    try {
      await sendMail({
        to: email,
        subject: "Your BlogAtlas claim code",
        text: `Your code to claim ${blog.siteUrl} on BlogAtlas: ${code}\n\nIt works once, for ${CODE_MINUTES} minutes. If you did not ask for it, ignore this message.\n`,
        html: `<p>Your code to claim ${escapeHtml(blog.siteUrl)} on BlogAtlas:</p><p style="font-size:1.5em;font-weight:bold">${code}</p><p>It works once, for ${CODE_MINUTES} minutes. If you did not ask for it, ignore this message.</p>`,
      });
    } catch (error) {
      // A code nobody received must not stay open: the claim ends, and the person is told why.
      await db.claim.update({ where: { id }, data: { status: "EXPIRED", lastError: `mail not sent: ${(error as Error).message}` } });
      return { kind: "invalid", errors: { email: "We could not send the code just now. Try again in a moment, or choose another way." } };
    }
  }
  return { kind: "started", claim: { id, method: method.data, status: "PENDING", token: code ? undefined : claimToken(id), email: email ?? null, expiresAt, lastError: null } };
}

/** Whether the token is where the method says it must be; a reason when it is not. */
async function tokenPublished(method: Exclude<ClaimMethod, "EMAIL_CODE">, token: string, blog: { siteUrl: string; feedUrl: string }, policy: FetchPolicy): Promise<string | null> {
  if (method === "FEED_ITEM") {
    const read = await previewFeed(blog.feedUrl, policy);
    if (!read.ok) return `we could not read the feed: ${read.reason}`;
    const found = read.preview.entries.some((entry) => entry.title.includes(token) || entry.contentHtml.includes(token));
    return found ? null : "no post in the feed contains the token yet";
  }
  const url = method === "META_TAG" ? blog.siteUrl : new URL("/.well-known/blogatlas-verification.txt", blog.siteUrl).href;
  const fetched = await fetchFeed({ url, policy, accept: method === "META_TAG" ? "text/html" : "text/plain" });
  if (fetched.kind !== "ok") return `${url} answered ${fetched.kind === "http-error" ? `HTTP ${fetched.status}` : fetched.kind === "failed" || fetched.kind === "refused" ? fetched.reason : fetched.kind}`;
  const text = decodeFeedBody(fetched.body, fetched.contentType).text;
  if (method === "WELL_KNOWN_FILE") return text.includes(token) ? null : "the file is there but does not contain the token";
  const metas = [...text.matchAll(/<meta\b[^>]*>/gi)].map((match) => match[0]);
  const found = metas.some((tag) => /name\s*=\s*["']?blogatlas-verification["']?/i.test(tag) && tag.includes(token));
  return found ? null : "the home page has no <meta name=\"blogatlas-verification\"> tag with the token";
}

export type CheckAnswer = { kind: "verified" } | { kind: "contested" } | { kind: "not-yet"; reason: string } | { kind: "closed"; reason: string };

/** Checks the user's open claim now; on success makes them the owner (or marks a contest). */
export async function checkClaim(user: CurrentUser, blogId: string, input: { code?: unknown }, policy: FetchPolicy, now = new Date()): Promise<CheckAnswer> {
  const claim = await db.claim.findFirst({ where: { blogId, userId: user.id, status: "PENDING" }, orderBy: { createdAt: "desc" }, include: { blog: { select: { siteUrl: true, feedUrl: true } } } });
  if (!claim) return { kind: "closed", reason: "There is no open claim: start one." };
  if (claim.expiresAt <= now) {
    await db.claim.update({ where: { id: claim.id }, data: { status: "EXPIRED" } });
    return { kind: "closed", reason: "This claim expired: start a new one." };
  }
  const limit = claim.method === "EMAIL_CODE" ? CODE_ATTEMPTS : CHECKS_PER_CLAIM;
  if (claim.attempts >= limit) {
    await db.claim.update({ where: { id: claim.id }, data: { status: "FAILED", lastError: "too many attempts" } });
    return { kind: "closed", reason: "Too many attempts: start a new claim." };
  }
  await db.claim.update({ where: { id: claim.id }, data: { attempts: { increment: 1 }, checkedAt: now } });
  let problem: string | null;
  if (claim.method === "EMAIL_CODE") {
    const code = String(input.code ?? "").trim();
    const expected = Buffer.from(claim.tokenHash, "hex");
    const given = Buffer.from(sha256(`${claim.id}:${code}`), "hex");
    problem = /^\d{6}$/.test(code) && timingSafeEqual(expected, given) ? null : "that code is not the one we sent";
  } else {
    problem = await tokenPublished(claim.method, claimToken(claim.id), claim.blog, policy);
  }
  if (problem) {
    await db.claim.update({ where: { id: claim.id }, data: { lastError: problem } });
    return { kind: "not-yet", reason: problem };
  }
  const outcome = await db.$transaction(async (tx) => {
    const owners = await tx.blogMember.count({ where: { blogId, role: "OWNER", userId: { not: user.id } } });
    if (owners > 0) {
      await tx.claim.update({ where: { id: claim.id }, data: { status: "CONTESTED", verifiedAt: now, lastError: null } });
      return "contested" as const;
    }
    await tx.claim.update({ where: { id: claim.id }, data: { status: "VERIFIED", verifiedAt: now, lastError: null } });
    await tx.claim.updateMany({ where: { blogId, userId: user.id, status: "LAPSED" }, data: { status: "EXPIRED" } }); // renewed
    await tx.blogMember.upsert({ where: { blogId_userId: { blogId, userId: user.id } }, create: { blogId, userId: user.id, role: "OWNER" }, update: { role: "OWNER" } });
    await tx.blog.update({ where: { id: blogId }, data: { verifiedAt: now } });
    return "verified" as const;
  });
  if (outcome === "verified") await announcePageChanges(db, [`blog:${blogId}`]);
  return { kind: outcome };
}

/**
 * The monthly re-check (run by the worker): verified claims made by publishing a token are checked
 * again; a token that is gone marks the claim LAPSED, which the owner and admins see. Mailed codes
 * cannot be re-checked and are left as they are.
 */
export async function recheckVerifiedClaims(policy: FetchPolicy, now = new Date(), limit = 50): Promise<{ checked: number; lapsed: number }> {
  const due = await db.claim.findMany({
    where: { status: "VERIFIED", method: { not: "EMAIL_CODE" }, OR: [{ checkedAt: null }, { checkedAt: { lt: new Date(now.getTime() - 30 * 86_400_000) } }] },
    include: { blog: { select: { siteUrl: true, feedUrl: true } } },
    take: limit,
  });
  let lapsed = 0;
  for (const claim of due) {
    const problem = await tokenPublished(claim.method as Exclude<ClaimMethod, "EMAIL_CODE">, claimToken(claim.id), claim.blog, policy);
    if (problem) lapsed++;
    await db.claim.update({ where: { id: claim.id }, data: problem ? { status: "LAPSED", checkedAt: now, lastError: `ownership re-check: ${problem}` } : { checkedAt: now, lastError: null } });
  }
  return { checked: due.length, lapsed };
}
