// What an owner does with money: start a Stripe Checkout for one listing, open the customer portal,
// and read where a listing's billing stands. Every function takes the acting user and reaches only
// listings that user owns (editors may see billing but not pay or cancel); another owner's listing
// answers "not-found", like a listing that does not exist (security.md 8). Nothing here changes a
// tier: only the webhook (or reconcile) does, from what Stripe says.
import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { hit } from "@/lib/rate-limit";
import { BillingNotConfiguredError, stripeClient, type BillingConfig, type Stripe } from "@/lib/services/stripe";
import { GRACE_DAYS } from "./subscriptions";

export const ZPlan = z.enum(["monthly", "yearly"], { error: "Choose monthly or yearly billing." });
export type TPlan = z.infer<typeof ZPlan>;

/** Statuses in which a subscription still holds the listing (so a second checkout would double-bill). */
const LIVE_STATUSES = ["active", "trialing", "past_due", "incomplete", "unpaid"];

const ownedBy = (user: CurrentUser) => ({ members: { some: { userId: user.id, role: "OWNER" as const } } });

export type CheckoutAnswer =
  | { kind: "redirect"; url: string }
  | { kind: "not-found" }
  | { kind: "refused"; message: string };

function billingOrThrow(): { stripe: Stripe; config: BillingConfig } {
  const billing = stripeClient();
  if (!billing) throw new BillingNotConfiguredError();
  return billing;
}

/** The user's Stripe customer: ours if we made one, else created once (the key makes a retry safe). */
async function customerFor(stripe: Stripe, user: CurrentUser): Promise<string> {
  const known = await db.stripeCustomer.findUnique({ where: { userId: user.id }, select: { stripeCustomerId: true } });
  if (known) return known.stripeCustomerId;
  const customer = await stripe.customers.create(
    { email: user.email, ...(user.name ? { name: user.name } : {}), metadata: { userId: user.id } },
    { idempotencyKey: `blogatlas-customer-${user.id}` },
  );
  // Two clicks at once create one Stripe customer (same key); the first row written is kept.
  const row = await db.stripeCustomer.upsert({ where: { userId: user.id }, create: { userId: user.id, stripeCustomerId: customer.id }, update: {}, select: { stripeCustomerId: true } });
  return row.stripeCustomerId;
}

/**
 * A Checkout Session in subscription mode for one of my free listings. A double click within ten
 * minutes reuses the same session: the idempotency key is made of our ids and that window.
 */
export async function startCheckout(user: CurrentUser, slug: string, rawPlan: unknown, now = new Date()): Promise<CheckoutAnswer> {
  const plan = ZPlan.safeParse(rawPlan);
  if (!plan.success) return { kind: "refused", message: plan.error.issues[0]!.message };
  const listing = await db.blog.findFirst({
    where: { slug, ...ownedBy(user) },
    select: { id: true, slug: true, name: true, status: true, tier: true, billing: { where: { status: { in: LIVE_STATUSES } }, select: { id: true } } },
  });
  if (!listing) return { kind: "not-found" };
  if (listing.tier === "BUSINESS" || listing.billing.length > 0) return { kind: "refused", message: `${listing.name} is already a Business Listing; manage it from its billing section.` };
  if (listing.status !== "ACTIVE" && listing.status !== "DORMANT") return { kind: "refused", message: `${listing.name} can be upgraded once it is approved and listed.` };
  const { stripe, config } = billingOrThrow();
  const limited = await hit(`checkout:${user.id}`, { max: 20, windowMs: 3_600_000 }, now);
  if (!limited.ok) return { kind: "refused", message: `Too many checkout attempts; try again in ${Math.ceil(limited.retryAfterSeconds / 60)} minutes.` };

  const customer = await customerFor(stripe, user);
  const window = Math.floor(now.getTime() / 600_000);
  const metadata = { blogId: listing.id, userId: user.id, plan: plan.data };
  const session = await stripe.checkout.sessions.create(
    {
      mode: "subscription",
      customer,
      client_reference_id: listing.id,
      line_items: [{ price: config.prices[plan.data], quantity: 1 }],
      metadata,
      subscription_data: { metadata, description: `Business Listing: ${listing.name}` },
      allow_promotion_codes: true,
      success_url: `${config.appUrl}/dashboard/listings/${listing.slug}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${config.appUrl}/pricing?listing=${encodeURIComponent(listing.slug)}&checkout=cancelled`,
    },
    { idempotencyKey: `blogatlas-checkout-${listing.id}-${plan.data}-${user.id}-${window}` },
  );
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
  return { kind: "redirect", url: session.url };
}

/** Stripe's customer portal (cards, invoices, plan changes, cancellation), back to this listing after. */
export async function openBillingPortal(user: CurrentUser, slug: string): Promise<CheckoutAnswer> {
  const listing = await db.blog.findFirst({ where: { slug, ...ownedBy(user) }, select: { slug: true } });
  if (!listing) return { kind: "not-found" };
  const { stripe, config } = billingOrThrow();
  const customer = await db.stripeCustomer.findUnique({ where: { userId: user.id }, select: { stripeCustomerId: true } });
  if (!customer) return { kind: "refused", message: "There is no billing account yet: upgrade a listing first." };
  const session = await stripe.billingPortal.sessions.create({ customer: customer.stripeCustomerId, return_url: `${config.appUrl}/dashboard/listings/${listing.slug}` });
  return { kind: "redirect", url: session.url };
}

export type TBillingState =
  | { kind: "free" }
  | { kind: "granted"; since: Date }
  | { kind: "active"; interval: string | null; renewsOn: Date | null }
  | { kind: "ending"; interval: string | null; endsOn: Date | null }
  | { kind: "past-due"; graceUntil: Date | null; daysLeft: number }
  | { kind: "ended"; endedOn: Date | null };

/** Where one of my listings' billing stands, for its dashboard page; null when it is not mine. */
export async function getBillingState(user: CurrentUser, slug: string, now = new Date()): Promise<{ tier: "FREE" | "BUSINESS"; state: TBillingState; canPay: boolean } | null> {
  const listing = await db.blog.findFirst({
    where: { slug, members: { some: { userId: user.id } } },
    select: {
      tier: true,
      businessGrantedAt: true,
      members: { where: { userId: user.id }, select: { role: true } },
      billing: { orderBy: { updatedAt: "desc" }, take: 1, select: { status: true, interval: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, graceUntil: true, endedAt: true, canceledAt: true } },
    },
  });
  if (!listing) return null;
  const canPay = listing.members[0]?.role === "OWNER";
  const latest = listing.billing[0];
  const result = (state: TBillingState) => ({ tier: listing.tier, state, canPay });
  if (latest?.status === "past_due") {
    const daysLeft = latest.graceUntil ? Math.max(0, Math.ceil((latest.graceUntil.getTime() - now.getTime()) / 86_400_000)) : GRACE_DAYS;
    return result({ kind: "past-due", graceUntil: latest.graceUntil, daysLeft });
  }
  if (latest && (latest.status === "active" || latest.status === "trialing")) {
    return result(latest.cancelAtPeriodEnd ? { kind: "ending", interval: latest.interval, endsOn: latest.currentPeriodEnd } : { kind: "active", interval: latest.interval, renewsOn: latest.currentPeriodEnd });
  }
  if (listing.businessGrantedAt) return result({ kind: "granted", since: listing.businessGrantedAt });
  if (latest) return result({ kind: "ended", endedOn: latest.endedAt ?? latest.canceledAt });
  return result({ kind: "free" });
}

/** The listings I own, with what the pricing page needs to offer each an upgrade (or not). */
export function getOwnedListingsForPricing(user: CurrentUser) {
  return db.blog.findMany({ where: ownedBy(user), select: { slug: true, name: true, tier: true, status: true }, orderBy: { name: "asc" } });
}

/**
 * Before an account is deleted: its live subscriptions are cancelled at Stripe (nobody is billed for
 * an account that no longer exists). Returns the listings they paid for, whose tier the caller
 * recomputes once the rows are gone. Throws when a live subscription cannot be cancelled.
 */
export async function cancelSubscriptionsOfUser(userId: string): Promise<string[]> {
  const live = await db.billingSubscription.findMany({ where: { customer: { userId }, status: { in: LIVE_STATUSES } }, select: { stripeSubscriptionId: true, blogId: true } });
  if (live.length === 0) return [];
  const billing = stripeClient();
  if (!billing) throw new BillingNotConfiguredError();
  for (const subscription of live) {
    try {
      await billing.stripe.subscriptions.cancel(subscription.stripeSubscriptionId);
    } catch (error) {
      if ((error as { code?: string }).code !== "resource_missing") throw error; // already gone at Stripe: fine
    }
  }
  return [...new Set(live.map((subscription) => subscription.blogId))];
}
