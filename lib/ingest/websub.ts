// WebSub (formerly PubSubHubbub): where a feed names a hub, we subscribe with a callback of ours
// and a secret; the hub verifies our intent with a GET (we echo its challenge only for a topic we
// asked for), then pushes updates signed with an HMAC of the body (X-Hub-Signature), which make the
// feed due at once. The hub is a stranger's server: it is reached through the same address checks.
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { request } from "undici";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requestImmediateCheck } from "./claim-feeds";
import { USER_AGENT } from "./fetch-feed";
import { allowlistDispatcher, guardedDispatcher } from "./safe-dispatcher";
import { checkUrl, type FetchPolicy } from "./url-policy";

export const LEASE_SECONDS = 10 * 24 * 3600;
/** Re-subscribe when less than this is left of a lease. */
const RENEW_BEFORE_MS = 24 * 3600 * 1000;
export const MAX_PUSH_BYTES = 10 * 1024 * 1024;

export const callbackUrl = (base: string, blogId: string) => new URL(`/api/websub/${blogId}`, base).href;

/** Whether a blog should (re)subscribe now. */
export function needsSubscription(blog: { websubHub: string | null; websubLeaseUntil: Date | null }, hubUrl: string, now = Date.now()): boolean {
  return blog.websubHub !== hubUrl || !blog.websubLeaseUntil || blog.websubLeaseUntil.getTime() - now < RENEW_BEFORE_MS;
}

export type SubscribeResult = { ok: true } | { ok: false; reason: string };

export async function subscribe(db: PrismaClient, input: { blogId: string; topic: string; hubUrl: string; callbackBase: string; policy?: FetchPolicy }): Promise<SubscribeResult> {
  const verdict = checkUrl(input.hubUrl, input.policy);
  if (!verdict.ok) return { ok: false, reason: `hub refused: ${verdict.reason}` };
  const secret = randomBytes(32).toString("hex");
  // The secret is stored before asking, so the hub's verification and first push can be checked.
  await db.blog.update({ where: { id: input.blogId }, data: { websubHub: input.hubUrl, websubSecret: secret } });
  const form = new URLSearchParams({
    "hub.mode": "subscribe",
    "hub.topic": input.topic,
    "hub.callback": callbackUrl(input.callbackBase, input.blogId),
    "hub.secret": secret,
    "hub.lease_seconds": String(LEASE_SECONDS),
  });
  try {
    const response = await request(verdict.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": USER_AGENT },
      body: form.toString(),
      signal: AbortSignal.timeout(15_000),
      dispatcher: verdict.allowlisted ? allowlistDispatcher() : guardedDispatcher(input.policy?.lookup),
    });
    await response.body.dump();
    if (response.statusCode === 202 || response.statusCode === 204 || response.statusCode === 200) return { ok: true };
    return { ok: false, reason: `the hub answered HTTP ${response.statusCode}` };
  } catch (error) {
    return { ok: false, reason: `the hub could not be reached: ${(error as Error).message}` };
  }
}

export type VerifyQuery = { mode: string; topic: string; challenge: string; leaseSeconds?: number };

/** The hub's GET to confirm intent: the challenge to echo, or null to refuse (answered 404). */
export async function verifyIntent(db: PrismaClient, blogId: string, query: VerifyQuery): Promise<string | null> {
  const blog = await db.blog.findUnique({ where: { id: blogId }, select: { feedUrl: true, websubSecret: true } });
  if (!blog || !blog.websubSecret || query.topic !== blog.feedUrl) return null;
  if (query.mode === "subscribe") {
    const lease = Math.min(Math.max(query.leaseSeconds ?? LEASE_SECONDS, 60), 30 * 24 * 3600);
    await db.blog.update({ where: { id: blogId }, data: { websubLeaseUntil: new Date(Date.now() + lease * 1000) } });
    return query.challenge;
  }
  if (query.mode === "unsubscribe") {
    await db.blog.update({ where: { id: blogId }, data: { websubLeaseUntil: null, websubSecret: null } });
    return query.challenge;
  }
  return null;
}

const ALGORITHMS: Record<string, string> = { sha1: "sha1", sha256: "sha256", sha384: "sha384", sha512: "sha512" };

export function signatureMatches(secret: string, body: Buffer, header: string | null): boolean {
  const match = header?.trim().match(/^(sha1|sha256|sha384|sha512)=([0-9a-f]+)$/i);
  if (!match) return false;
  const expected = createHmac(ALGORITHMS[match[1]!.toLowerCase()]!, secret).update(body).digest();
  const given = Buffer.from(match[2]!, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type PushOutcome = "unknown" | "accepted" | "ignored";

/**
 * A content distribution from the hub. WebSub says an unsigned or wrongly signed push is to be
 * acknowledged (2xx) and ignored, so a forger learns nothing; a valid one makes the feed due now.
 */
export async function receivePush(db: PrismaClient, blogId: string, body: Buffer, signature: string | null): Promise<PushOutcome> {
  const blog = await db.blog.findUnique({ where: { id: blogId }, select: { websubSecret: true, status: true } });
  if (!blog || !blog.websubSecret) return "unknown";
  if (!signatureMatches(blog.websubSecret, body, signature)) return "ignored";
  if (blog.status === "ACTIVE" || blog.status === "DORMANT") await requestImmediateCheck(db, blogId);
  return "accepted";
}
