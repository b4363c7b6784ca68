// Stripe's webhook: the only way a payment changes a listing. The signature is checked on the raw
// bytes (security.md 1-2); an event is never trusted for state: the subscription it concerns is
// re-read from Stripe and that truth is written. The event id is stored in the same transaction, so
// a repeat, a replay or ten concurrent deliveries change state once (security.md 3), and a failure
// anywhere rolls the id back with the rest and answers 5xx, so Stripe's retry does the work (5).
// Events about one subscription are serialised by an advisory lock, and each writes what Stripe says
// after the previous one committed: events arriving out of order still end in the right state (4).
import "server-only";
import { db as appDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { announcePageChanges } from "@/lib/page-cache/announce";
import type { Stripe } from "@/lib/services/stripe";
import { lockSubscription, truthOf, writeSubscription, type TWriteResult } from "./subscriptions";

export const HANDLED_EVENTS = new Set([
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
]);

/** Stripe's default: a signature older than five minutes is a replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
export const MAX_WEBHOOK_BYTES = 1_000_000;

export type TWebhookAnswer = { status: number; body: Record<string, unknown> };

export type TWebhookDeps = { stripe: Stripe; webhookSecret: string; db?: PrismaClient; now?: () => Date; log?: (line: string) => void };

const answer = (status: number, body: Record<string, unknown>): TWebhookAnswer => ({ status, body });

/** The subscription an event is about, and the listing named by a checkout session. */
function subjectOf(event: Stripe.Event): { subscriptionId: string | null; fallbackBlogId: string | null } {
  const object = event.data.object as unknown as Record<string, unknown>;
  const idOf = (value: unknown) => (typeof value === "string" ? value : value && typeof value === "object" && "id" in value ? String((value as { id: unknown }).id) : null);
  switch (event.type) {
    case "checkout.session.completed": {
      const session = object as unknown as Stripe.Checkout.Session;
      return { subscriptionId: session.mode === "subscription" ? idOf(session.subscription) : null, fallbackBlogId: session.client_reference_id ?? session.metadata?.blogId ?? null };
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const invoice = object as unknown as Stripe.Invoice & { subscription?: unknown };
      return { subscriptionId: idOf(invoice.parent?.subscription_details?.subscription) ?? idOf(invoice.subscription), fallbackBlogId: null };
    }
    default:
      return { subscriptionId: idOf(object.id), fallbackBlogId: null };
  }
}

/**
 * The subscription as Stripe has it now. Stripe keeps ended subscriptions readable; should one be
 * gone altogether, a subscription event's own object (its last state) is the best truth left.
 */
async function retrieveSubscription(stripe: Stripe, id: string, event: Stripe.Event): Promise<Stripe.Subscription | null> {
  try {
    return await stripe.subscriptions.retrieve(id);
  } catch (error) {
    if ((error as { code?: string }).code !== "resource_missing") throw error;
    return event.type.startsWith("customer.subscription.") ? (event.data.object as Stripe.Subscription) : null;
  }
}

export async function handleStripeWebhook(payload: Buffer, signature: string | null, deps: TWebhookDeps): Promise<TWebhookAnswer> {
  const db = deps.db ?? appDb;
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.warn(`stripe webhook: ${line}`));
  if (!signature) return answer(400, { error: "missing Stripe-Signature header" });
  if (payload.length > MAX_WEBHOOK_BYTES) return answer(413, { error: "payload too large" });
  let event: Stripe.Event;
  try {
    event = deps.stripe.webhooks.constructEvent(payload, signature, deps.webhookSecret, SIGNATURE_TOLERANCE_SECONDS, undefined, now().getTime());
  } catch (error) {
    return answer(400, { error: `signature check failed: ${(error as Error).message.split("\n")[0]}` });
  }
  if (!HANDLED_EVENTS.has(event.type)) return answer(200, { received: true, ignored: `${event.type} is not an event BlogAtlas acts on` });

  const { subscriptionId, fallbackBlogId } = subjectOf(event);
  let result: TWriteResult | "duplicate" | "no-subscription";
  try {
    result = await db.$transaction(
      async (tx) => {
        const inserted = await tx.$executeRaw`INSERT INTO "StripeEvent" (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING`;
        if (inserted === 0) return "duplicate" as const;
        if (!subscriptionId) return "no-subscription" as const;
        await lockSubscription(tx, subscriptionId);
        // Read after taking the lock: whatever committed before us is older than this truth.
        const subscription = await retrieveSubscription(deps.stripe, subscriptionId, event);
        if (!subscription) return { kind: "skipped", reason: `Stripe has no subscription ${subscriptionId}` } satisfies TWriteResult;
        return writeSubscription(tx, truthOf(subscription), { fallbackBlogId, now: now() });
      },
      { maxWait: 15_000, timeout: 45_000 },
    );
  } catch (error) {
    log(`${event.type} ${event.id} failed, Stripe will retry: ${(error as Error).message}`);
    return answer(500, { error: "the event could not be processed; Stripe will retry it" });
  }
  if (result === "duplicate") return answer(200, { received: true, duplicate: true });
  if (result === "no-subscription") return answer(200, { received: true, ignored: "the event names no subscription" });
  if (result.kind === "skipped") {
    log(`${event.type} ${event.id}: ${result.reason}`);
    return answer(200, { received: true, ignored: result.reason });
  }
  const { change } = result;
  if (change.before !== change.after) {
    // A tier is money: visitors (and the owner) see the change at once, lists included.
    await announcePageChanges(db, [`blog:${change.blogId}`, "lists:now"]).catch((error: unknown) => log(`page cache not told: ${String(error)}`));
  }
  return answer(200, { received: true, tier: change.after });
}
