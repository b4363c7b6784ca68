// The one writer of billing state. Whatever tells us something changed (a webhook, the reconcile
// command, an admin's grant, the end of a grace period), the listing's tier is recomputed from the
// stored truth here: BUSINESS while a subscription is active or trialing, or past due within its
// grace period, or while an admin's grant stands; FREE otherwise. Nothing else writes Blog.tier.
import "server-only";
import { db } from "@/lib/db";
import { announcePageChanges } from "@/lib/page-cache/announce";
import type { Stripe } from "@/lib/services/stripe";
import { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** How long a listing stays Business after a payment fails, while Stripe retries the card. */
export const GRACE_DAYS = 7;

export type TSubscriptionTruth = {
  id: string;
  status: Stripe.Subscription.Status;
  stripeCustomerId: string;
  blogId: string | null;
  userId: string | null;
  priceId: string;
  interval: string | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  endedAt: Date | null;
};

const fromSeconds = (value: number | null | undefined) => (typeof value === "number" ? new Date(value * 1000) : null);

/** The fields we keep, read from a subscription object as Stripe returns it. */
export function truthOf(subscription: Stripe.Subscription): TSubscriptionTruth {
  const item = subscription.items.data[0];
  const customer = subscription.customer;
  // Since API version 2025-03-31 the period lives on each item; older objects had it on the subscription.
  const legacyPeriodEnd = (subscription as unknown as { current_period_end?: number }).current_period_end;
  return {
    id: subscription.id,
    status: subscription.status,
    stripeCustomerId: typeof customer === "string" ? customer : customer.id,
    blogId: subscription.metadata?.blogId || null,
    userId: subscription.metadata?.userId || null,
    priceId: item?.price.id ?? "",
    interval: item?.price.recurring?.interval ?? null,
    currentPeriodEnd: fromSeconds(item?.current_period_end ?? legacyPeriodEnd),
    cancelAtPeriodEnd: subscription.cancel_at_period_end || subscription.cancel_at !== null && subscription.cancel_at !== undefined,
    canceledAt: fromSeconds(subscription.canceled_at),
    endedAt: fromSeconds(subscription.ended_at),
  };
}

export type TTierChange = { blogId: string; slug: string; before: "FREE" | "BUSINESS"; after: "FREE" | "BUSINESS" };

/** The rule, as SQL over a listing `b`: true while it is a Business Listing. Every query that asks uses it. */
const businessNow = (now: Date) => Prisma.sql`(b."businessGrantedAt" IS NOT NULL OR EXISTS (
    SELECT 1 FROM "BillingSubscription" s
     WHERE s."blogId" = b.id
       AND (s.status IN ('active', 'trialing') OR (s.status = 'past_due' AND s."graceUntil" > ${now}))))`;

/** Events and repairs about one subscription queue behind each other (held to the end of the transaction). */
export async function lockSubscription(tx: Tx, subscriptionId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`stripe-subscription:${subscriptionId}`}, 0))`;
}

/**
 * Recomputes one listing's tier from its subscriptions and grant, inside the caller's transaction
 * (the listing's row is locked, so concurrent writers queue). A listing that becomes Business is
 * checked soon, on its faster schedule.
 */
export async function recomputeTier(tx: Tx, blogId: string, now = new Date()): Promise<TTierChange | null> {
  const [row] = await tx.$queryRaw<Array<{ slug: string; tier: "FREE" | "BUSINESS"; business: boolean }>>`
    SELECT b.slug, b.tier::text AS tier, ${businessNow(now)} AS business FROM "Blog" b WHERE b.id = ${blogId} FOR UPDATE OF b`;
  if (!row) return null;
  const after = row.business ? "BUSINESS" : "FREE";
  if (after !== row.tier) {
    await tx.blog.update({
      where: { id: blogId },
      data: { tier: after, ...(after === "BUSINESS" ? { nextCheckAt: now } : {}) },
    });
  }
  return { blogId, slug: row.slug, before: row.tier, after };
}

/** Listings whose stored tier disagrees with the rule (edited by hand, say), for the reconcile command. */
export async function listingsWithDriftedTier(now = new Date()): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT b.id FROM "Blog" b
     WHERE (b.tier = 'BUSINESS' OR b."businessGrantedAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "BillingSubscription" s WHERE s."blogId" = b.id))
       AND (b.tier = 'BUSINESS') IS DISTINCT FROM ${businessNow(now)}`;
  return rows.map((row) => row.id);
}

export type TWriteResult = { kind: "written"; change: TTierChange } | { kind: "skipped"; reason: string };

/**
 * Stores what Stripe says about one subscription and recomputes its listing's tier. `fallbackBlogId`
 * names the listing when the subscription's own metadata does not (a checkout session's reference).
 */
export async function writeSubscription(tx: Tx, truth: TSubscriptionTruth, options: { fallbackBlogId?: string | null; now?: Date } = {}): Promise<TWriteResult> {
  const now = options.now ?? new Date();
  const existing = await tx.billingSubscription.findUnique({ where: { stripeSubscriptionId: truth.id }, select: { blogId: true, graceUntil: true, customerId: true } });
  const blogId = existing?.blogId ?? truth.blogId ?? options.fallbackBlogId ?? null;
  if (!blogId) return { kind: "skipped", reason: `subscription ${truth.id} names no listing` };
  const blog = await tx.blog.findUnique({ where: { id: blogId }, select: { id: true } });
  if (!blog) return { kind: "skipped", reason: `subscription ${truth.id} names listing ${blogId}, which no longer exists` };
  const customerId = existing?.customerId ?? (await customerRowFor(tx, truth));
  if (!customerId) return { kind: "skipped", reason: `subscription ${truth.id}: customer ${truth.stripeCustomerId} is not linked to a user here` };

  const graceUntil = truth.status === "past_due" ? (existing?.graceUntil ?? new Date(now.getTime() + GRACE_DAYS * 86_400_000)) : null;
  const fields = {
    status: truth.status,
    priceId: truth.priceId,
    interval: truth.interval,
    currentPeriodEnd: truth.currentPeriodEnd,
    cancelAtPeriodEnd: truth.cancelAtPeriodEnd,
    canceledAt: truth.canceledAt,
    endedAt: truth.endedAt,
    graceUntil,
  };
  // One statement, so ten concurrent deliveries about a new subscription cannot insert it twice.
  await tx.$executeRaw`
    INSERT INTO "BillingSubscription" (id, "stripeSubscriptionId", "blogId", "customerId", status, "priceId", interval,
                                       "currentPeriodEnd", "cancelAtPeriodEnd", "canceledAt", "endedAt", "graceUntil", "updatedAt")
    VALUES (${`bs_${truth.id}`}, ${truth.id}, ${blogId}, ${customerId}, ${fields.status}, ${fields.priceId}, ${fields.interval},
            ${fields.currentPeriodEnd}, ${fields.cancelAtPeriodEnd}, ${fields.canceledAt}, ${fields.endedAt}, ${fields.graceUntil}, ${now})
    ON CONFLICT ("stripeSubscriptionId") DO UPDATE SET
      status = EXCLUDED.status, "priceId" = EXCLUDED."priceId", interval = EXCLUDED.interval,
      "currentPeriodEnd" = EXCLUDED."currentPeriodEnd", "cancelAtPeriodEnd" = EXCLUDED."cancelAtPeriodEnd",
      "canceledAt" = EXCLUDED."canceledAt", "endedAt" = EXCLUDED."endedAt", "graceUntil" = EXCLUDED."graceUntil",
      "updatedAt" = EXCLUDED."updatedAt"`;
  const change = await recomputeTier(tx, blogId, now);
  return change ? { kind: "written", change } : { kind: "skipped", reason: `listing ${blogId} vanished` };
}

/** Our row for the subscription's Stripe customer; created for the user the metadata names if missing. */
async function customerRowFor(tx: Tx, truth: TSubscriptionTruth): Promise<string | null> {
  const known = await tx.stripeCustomer.findUnique({ where: { stripeCustomerId: truth.stripeCustomerId }, select: { id: true } });
  if (known) return known.id;
  if (!truth.userId) return null;
  const user = await tx.user.findUnique({ where: { id: truth.userId }, select: { id: true, stripeCustomer: { select: { id: true } } } });
  if (!user) return null;
  // A user has one Stripe customer here; a second one made outside BlogAtlas is filed under the first.
  if (user.stripeCustomer) return user.stripeCustomer.id;
  const created = await tx.stripeCustomer.create({ data: { userId: user.id, stripeCustomerId: truth.stripeCustomerId }, select: { id: true } });
  return created.id;
}

/** Listings whose past-due grace ran out since the last look go back to free (the worker asks every minute). */
export async function endExpiredGrace(now = new Date()): Promise<TTierChange[]> {
  const due = await db.$queryRaw<Array<{ blogId: string }>>`
    SELECT DISTINCT s."blogId" FROM "BillingSubscription" s JOIN "Blog" b ON b.id = s."blogId"
     WHERE b.tier = 'BUSINESS' AND s.status = 'past_due' AND s."graceUntil" <= ${now}`;
  const changes: TTierChange[] = [];
  for (const { blogId } of due) {
    const change = await db.$transaction((tx) => recomputeTier(tx, blogId, now));
    if (change && change.before !== change.after) changes.push(change);
  }
  if (changes.length) await announcePageChanges(db, [...changes.map((change) => `blog:${change.blogId}`), "lists:now"]);
  return changes;
}
