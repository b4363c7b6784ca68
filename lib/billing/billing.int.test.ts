// Billing on real PostgreSQL against the local Stripe (lib/testing/stripe-server.ts), through the
// real webhook route: security.md lines 1-7, the owner's checkout and portal, grace periods, grants.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { stripeClient, type Stripe } from "@/lib/services/stripe";
import { createListing, createUser } from "@/lib/testing/fixtures";
import { FakeStripe } from "@/lib/testing/stripe-server";
import { deleteMyAccount } from "@/lib/owners/members";
import { getBillingState, openBillingPortal, startCheckout } from "./checkout";
import { setBusinessGrant } from "./grants";
import { getPlans } from "./plans";
import { reconcileSubscriptions } from "./reconcile";
import { endExpiredGrace, GRACE_DAYS } from "./subscriptions";

const SECRET = "whsec_test_billing";
let stripe: FakeStripe;

beforeAll(async () => {
  stripe = await FakeStripe.start({
    secretKey: "sk_test_billing",
    webhookSecret: SECRET,
    prices: [
      { id: "price_monthly_test", unitAmount: 1900, currency: "usd", interval: "month" },
      { id: "price_yearly_test", unitAmount: 19000, currency: "usd", interval: "year" },
    ],
  });
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_billing",
    STRIPE_WEBHOOK_SECRET: SECRET,
    STRIPE_PRICE_MONTHLY: "price_monthly_test",
    STRIPE_PRICE_YEARLY: "price_yearly_test",
    STRIPE_API_BASE: stripe.url,
    APP_URL: "http://localhost:3000",
  });
});
afterAll(() => stripe.close());

const asCurrent = (user: { id: string; email: string; name: string | null }): CurrentUser => ({ id: user.id, email: user.email, name: user.name, role: "USER" });

async function ownerWithListing() {
  const user = await createUser();
  const listing = await createListing();
  await db.blogMember.create({ data: { blogId: listing.id, userId: user.id, role: "OWNER" } });
  return { owner: asCurrent(user), listing };
}

/** Starts a checkout as the owner and returns the fake's session for it. */
async function checkoutFor(owner: CurrentUser, slug: string, plan = "monthly") {
  const answer = await startCheckout(owner, slug, plan);
  expect(answer.kind).toBe("redirect");
  const id = answer.kind === "redirect" ? answer.url.split("/").at(-1)! : "";
  return stripe.sessions.get(id)!;
}

const post = (payload: string, header: string | null) =>
  POST(new Request("http://localhost:3000/api/stripe/webhook", { method: "POST", body: payload, headers: header ? { "stripe-signature": header } : {} }));

async function deliver(event: Stripe.Event, options: { timestamp?: number; secret?: string } = {}) {
  const { payload, header } = stripe.sign(event, options);
  return post(payload, header);
}

const tierOf = async (blogId: string) => (await db.blog.findUniqueOrThrow({ where: { id: blogId }, select: { tier: true } })).tier;
const eventCount = () => db.stripeEvent.count();

describe("webhook signatures (security.md 1-2)", () => {
  it("refuses a re-serialised body, a wrong secret and a missing signature with 400, writing nothing", async () => {
    const { owner, listing } = await ownerWithListing();
    const session = await checkoutFor(owner, listing.slug);
    const { events } = await stripe.completeCheckout(session.id, { deliver: false });
    const before = await eventCount();
    for (const event of events) {
      const { payload, header } = stripe.sign(event);
      const reserialised = JSON.stringify(JSON.parse(payload)); // same data, different bytes
      expect((await post(reserialised, header)).status).toBe(400);
      expect((await deliver(event, { secret: "whsec_wrong" })).status).toBe(400);
      expect((await post(payload, null)).status).toBe(400);
      expect((await post(payload, "t=1,v1=deadbeef")).status).toBe(400);
    }
    expect(await eventCount()).toBe(before);
    expect(await db.billingSubscription.count({ where: { blogId: listing.id } })).toBe(0);
    expect(await tierOf(listing.id)).toBe("FREE");
  });

  it("refuses a body over 1 MB with 413 before checking anything, signed or not", async () => {
    const event = stripe.record("customer.subscription.updated", { id: "sub_big", object: "subscription", padding: "x".repeat(1_100_000) });
    const { payload, header } = stripe.sign(event);
    const before = await eventCount();
    expect((await post(payload, header)).status).toBe(413);
    expect(await eventCount()).toBe(before);
  });

  it("refuses a correctly signed event older than 300 s, and accepts one inside the tolerance", async () => {
    const { owner, listing } = await ownerWithListing();
    const session = await checkoutFor(owner, listing.slug);
    const { events } = await stripe.completeCheckout(session.id, { deliver: false });
    const completed = events.find((event) => event.type === "checkout.session.completed")!;
    const stale = await deliver(completed, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(400);
    expect(await stale.json()).toEqual({ error: expect.stringMatching(/signature check failed: Timestamp outside the tolerance zone/) });
    expect(await tierOf(listing.id)).toBe("FREE");
    expect((await deliver(completed, { timestamp: Math.floor(Date.now() / 1000) - 200 })).status).toBe(200);
    expect(await tierOf(listing.id)).toBe("BUSINESS");
  });
});

describe("exactly once (security.md 3)", () => {
  it("fulfils an event delivered twice once; the repeat answers 200", async () => {
    const { owner, listing } = await ownerWithListing();
    const { events } = await stripe.completeCheckout((await checkoutFor(owner, listing.slug)).id, { deliver: false });
    const completed = events.find((event) => event.type === "checkout.session.completed")!;
    const first = await deliver(completed);
    const second = await deliver(completed);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await first.json()).toEqual({ received: true, tier: "BUSINESS" });
    expect(await second.json()).toEqual({ received: true, duplicate: true });
    expect(await db.stripeEvent.count({ where: { id: completed.id } })).toBe(1);
  });

  it("fulfils one event delivered ten times at once exactly once", async () => {
    const { owner, listing } = await ownerWithListing();
    const { subscription, events } = await stripe.completeCheckout((await checkoutFor(owner, listing.slug)).id, { deliver: false });
    const completed = events.find((event) => event.type === "checkout.session.completed")!;
    const readsBefore = stripe.calls.filter((call) => call.path === `/v1/subscriptions/${subscription.id}`).length;
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(completed)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    const bodies = await Promise.all(answers.map((answer) => answer.json() as Promise<Record<string, unknown>>));
    expect(bodies.filter((body) => body.duplicate).length).toBe(9);
    expect(bodies.filter((body) => body.tier === "BUSINESS").length).toBe(1);
    // Fulfilled once: one read of the truth from Stripe, one subscription row, one event row.
    expect(stripe.calls.filter((call) => call.path === `/v1/subscriptions/${subscription.id}`).length - readsBefore).toBe(1);
    expect(await db.billingSubscription.count({ where: { blogId: listing.id } })).toBe(1);
    expect(await db.stripeEvent.count({ where: { id: completed.id } })).toBe(1);
    expect(await tierOf(listing.id)).toBe("BUSINESS");
  });

  it("ignores events it does not act on, with 200 and nothing recorded", async () => {
    const event = stripe.record("customer.created", { id: "cus_x", object: "customer" });
    const answer = await deliver(event);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ received: true, ignored: expect.stringContaining("customer.created") });
    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(0);
  });
});

describe("order and failure (security.md 4-5)", () => {
  it("ends 'not subscribed' when customer.subscription.deleted arrives before checkout.session.completed", async () => {
    const { owner, listing } = await ownerWithListing();
    const { subscription, events } = await stripe.completeCheckout((await checkoutFor(owner, listing.slug)).id, { deliver: false });
    const deleted = await stripe.cancelSubscription(subscription.id, { deliver: false });
    expect((await deliver(deleted)).status).toBe(200);
    for (const event of events) expect((await deliver(event)).status).toBe(200); // created, paid, completed: all late
    expect(await tierOf(listing.id)).toBe("FREE");
    expect((await db.billingSubscription.findFirstOrThrow({ where: { blogId: listing.id } })).status).toBe("canceled");
  });

  it("answers 5xx when the database fails inside the handler, and Stripe's retry then lands the right state", async () => {
    const { owner, listing } = await ownerWithListing();
    const { events } = await stripe.completeCheckout((await checkoutFor(owner, listing.slug)).id, { deliver: false });
    const completed = events.find((event) => event.type === "checkout.session.completed")!;
    // A real database error in the middle of the work: the subscription table refuses new rows.
    await db.$executeRawUnsafe(`ALTER TABLE "BillingSubscription" ADD CONSTRAINT refuse_all CHECK (false) NOT VALID`);
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (line: string) => warnings.push(line);
    let failed: Response;
    try {
      failed = await deliver(completed);
    } finally {
      console.warn = originalWarn;
      await db.$executeRawUnsafe(`ALTER TABLE "BillingSubscription" DROP CONSTRAINT refuse_all`);
    }
    expect(failed.status).toBe(500);
    expect(warnings.join("\n")).toMatch(/checkout.session.completed .* failed, Stripe will retry/);
    expect(await db.stripeEvent.count({ where: { id: completed.id } })).toBe(0); // rolled back with the rest
    expect(await tierOf(listing.id)).toBe("FREE");
    const retry = await deliver(completed);
    expect(retry.status).toBe(200);
    expect(await tierOf(listing.id)).toBe("BUSINESS");
  });
});

describe("checkout and the success page (security.md 6)", () => {
  it("creates a subscription-mode session for the listing, reusing the owner's customer, with our idempotency key", async () => {
    const { owner, listing } = await ownerWithListing();
    const session = await checkoutFor(owner, listing.slug, "yearly");
    expect(session).toMatchObject({ mode: "subscription", client_reference_id: listing.id, metadata: { blogId: listing.id, userId: owner.id, plan: "yearly" } });
    expect(session.success_url).toBe(`http://localhost:3000/dashboard/listings/${listing.slug}?checkout=success&session_id={CHECKOUT_SESSION_ID}`);
    const call = stripe.calls.findLast((entry) => entry.path === "/v1/checkout/sessions")!;
    expect(call.idempotencyKey).toMatch(new RegExp(`^blogatlas-checkout-${listing.id}-yearly-${owner.id}-\\d+$`));
    expect(call.body).toMatchObject({ line_items: [{ price: "price_yearly_test", quantity: "1" }], subscription_data: { metadata: { blogId: listing.id } } });
    // A double click gets the same session; a second listing reuses the same customer.
    expect((await checkoutFor(owner, listing.slug, "yearly")).id).toBe(session.id);
    const second = await createListing();
    await db.blogMember.create({ data: { blogId: second.id, userId: owner.id, role: "OWNER" } });
    expect((await checkoutFor(owner, second.slug)).customer).toBe(session.customer);
    expect(stripe.calls.filter((entry) => entry.path === "/v1/customers" && entry.body.metadata && (entry.body.metadata as Record<string, string>).userId === owner.id).length).toBe(1);
  });

  it("never upgrades a listing whose checkout was started but not paid", async () => {
    const { owner, listing } = await ownerWithListing();
    await checkoutFor(owner, listing.slug);
    // The success page only reads billing state; with nothing paid it is still free.
    expect(await getBillingState(owner, listing.slug)).toEqual({ tier: "FREE", state: { kind: "free" }, canPay: true });
    expect(await tierOf(listing.id)).toBe("FREE");
  });

  it("refuses another owner's listing, an editor, an unknown plan and a listing already paid for", async () => {
    const { owner, listing } = await ownerWithListing();
    const { owner: other } = await ownerWithListing();
    expect(await startCheckout(other, listing.slug, "monthly")).toEqual({ kind: "not-found" });
    expect(await openBillingPortal(other, listing.slug)).toEqual({ kind: "not-found" });
    expect(await getBillingState(other, listing.slug)).toBeNull();
    const editor = asCurrent(await createUser());
    await db.blogMember.create({ data: { blogId: listing.id, userId: editor.id, role: "EDITOR" } });
    expect(await startCheckout(editor, listing.slug, "monthly")).toEqual({ kind: "not-found" });
    expect((await getBillingState(editor, listing.slug))?.canPay).toBe(false);
    expect(await startCheckout(owner, listing.slug, "weekly")).toEqual({ kind: "refused", message: "Choose monthly or yearly billing." });
    await stripe.completeCheckout((await checkoutFor(owner, listing.slug)).id, { deliver: false }).then(({ events }) => Promise.all(events.map((event) => deliver(event))));
    expect(await startCheckout(owner, listing.slug, "monthly")).toEqual({ kind: "refused", message: expect.stringContaining("already a Business Listing") });
  });

  it("opens the customer portal for the owner's customer, returning to the listing", async () => {
    const { owner, listing } = await ownerWithListing();
    expect(await openBillingPortal(owner, listing.slug)).toEqual({ kind: "refused", message: expect.stringContaining("no billing account yet") });
    const session = await checkoutFor(owner, listing.slug);
    const portal = await openBillingPortal(owner, listing.slug);
    expect(portal.kind).toBe("redirect");
    const created = [...stripe.portalSessions.values()].at(-1)!;
    expect(created).toMatchObject({ customer: session.customer, return_url: `http://localhost:3000/dashboard/listings/${listing.slug}` });
  });
});

describe("billing state over a subscription's life", () => {
  it("keeps a past-due listing Business through the grace period, then returns it to free", async () => {
    const { owner, listing } = await ownerWithListing();
    const { subscription, events } = await stripe.completeCheckout((await checkoutFor(owner, listing.slug)).id, { deliver: false });
    for (const event of events) await deliver(event);
    expect(await getBillingState(owner, listing.slug)).toMatchObject({ tier: "BUSINESS", state: { kind: "active", interval: "month" } });
    for (const event of await stripe.failPayment(subscription.id, { deliver: false })) expect((await deliver(event)).status).toBe(200);
    expect(await getBillingState(owner, listing.slug)).toMatchObject({ tier: "BUSINESS", state: { kind: "past-due", daysLeft: GRACE_DAYS } });
    expect(await endExpiredGrace(new Date(Date.now() + 86_400_000))).toEqual([]);
    const changes = await endExpiredGrace(new Date(Date.now() + (GRACE_DAYS + 1) * 86_400_000));
    expect(changes).toContainEqual({ blogId: listing.id, slug: listing.slug, before: "BUSINESS", after: "FREE" });
    expect(await tierOf(listing.id)).toBe("FREE");
  });

  it("shows a cancellation at the period's end, and reverts when the subscription is deleted", async () => {
    const { owner, listing } = await ownerWithListing();
    const { subscription, events } = await stripe.completeCheckout((await checkoutFor(owner, listing.slug)).id, { deliver: false });
    for (const event of events) await deliver(event);
    subscription.cancel_at_period_end = true;
    await deliver(stripe.record("customer.subscription.updated", subscription));
    expect(await getBillingState(owner, listing.slug)).toMatchObject({ tier: "BUSINESS", state: { kind: "ending" } });
    await deliver(await stripe.cancelSubscription(subscription.id, { deliver: false }));
    expect(await getBillingState(owner, listing.slug)).toMatchObject({ tier: "FREE", state: { kind: "ended" } });
  });

  it("cancels an owner's subscriptions at Stripe when they delete their account; the listing stays, free", async () => {
    const { owner, listing } = await ownerWithListing();
    const { subscription, events } = await stripe.completeCheckout((await checkoutFor(owner, listing.slug)).id, { deliver: false });
    for (const event of events) await deliver(event);
    expect(await tierOf(listing.id)).toBe("BUSINESS");
    await deleteMyAccount(owner);
    expect(stripe.subscriptions.get(subscription.id)!.status).toBe("canceled");
    expect(await tierOf(listing.id)).toBe("FREE");
    expect(await db.user.count({ where: { id: owner.id } })).toBe(0);
  });

  it("starts a new Business Listing's faster schedule at once", async () => {
    const { owner, listing } = await ownerWithListing();
    await db.blog.update({ where: { id: listing.id }, data: { nextCheckAt: new Date(Date.now() + 86_400_000) } });
    const { events } = await stripe.completeCheckout((await checkoutFor(owner, listing.slug)).id, { deliver: false });
    for (const event of events) await deliver(event);
    const { nextCheckAt } = await db.blog.findUniqueOrThrow({ where: { id: listing.id }, select: { nextCheckAt: true } });
    expect(nextCheckAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe("reconciliation (security.md 7)", () => {
  it("repairs listings whose events were never delivered, and says what it changed", async () => {
    const { owner, listing } = await ownerWithListing();
    const { subscription } = await stripe.completeCheckout((await checkoutFor(owner, listing.slug)).id, { deliver: false });
    const { owner: owner2, listing: lapsed } = await ownerWithListing();
    const second = await stripe.completeCheckout((await checkoutFor(owner2, lapsed.slug)).id, { deliver: false });
    for (const event of second.events) await deliver(event);
    await stripe.cancelSubscription(second.subscription.id, { deliver: false }); // the deleted event never arrives
    expect([await tierOf(listing.id), await tierOf(lapsed.id)]).toEqual(["FREE", "BUSINESS"]);

    const report = await reconcileSubscriptions(stripeClient()!.stripe);
    expect(report.changes).toContain(`${listing.slug}: free → Business (subscription ${subscription.id} is active)`);
    expect(report.changes).toContain(`${lapsed.slug}: Business → free (subscription ${second.subscription.id} is canceled)`);
    expect([await tierOf(listing.id), await tierOf(lapsed.id)]).toEqual(["BUSINESS", "FREE"]);
    // A second run finds nothing to change for these two.
    const again = await reconcileSubscriptions(stripeClient()!.stripe);
    expect(again.changes.filter((line) => line.startsWith(listing.slug) || line.startsWith(lapsed.slug))).toEqual([]);
  });

  it("puts back a tier edited by hand", async () => {
    const listing = await createListing({ tier: "BUSINESS" });
    const report = await reconcileSubscriptions(stripeClient()!.stripe);
    expect(report.changes).toContain(`${listing.slug}: Business → free (no live subscription or grant)`);
  });
});

describe("without Stripe, and by hand", () => {
  it("says billing is off when STRIPE_SECRET_KEY is unset, and reads the prices from Stripe when set", async () => {
    expect(await getPlans()).toEqual({
      kind: "ready",
      plans: [
        { plan: "monthly", priceId: "price_monthly_test", amount: 1900, currency: "usd", interval: "month", formatted: "$19.00" },
        { plan: "yearly", priceId: "price_yearly_test", amount: 19000, currency: "usd", interval: "year", formatted: "$190.00" },
      ],
    });
    const key = process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_SECRET_KEY;
    try {
      expect(await getPlans()).toEqual({ kind: "off" });
      const answer = await POST(new Request("http://localhost:3000/api/stripe/webhook", { method: "POST", body: "{}" }));
      expect(answer.status).toBe(404);
    } finally {
      process.env.STRIPE_SECRET_KEY = key;
    }
  });

  it("says the prices cannot be read, and refuses a checkout clearly, while Stripe is unreachable", async () => {
    const { owner, listing } = await ownerWithListing();
    const base = process.env.STRIPE_API_BASE;
    const keys = { STRIPE_PRICE_MONTHLY: process.env.STRIPE_PRICE_MONTHLY, STRIPE_PRICE_YEARLY: process.env.STRIPE_PRICE_YEARLY };
    // Prices not read before (another pair of ids), and a Stripe that answers nothing.
    Object.assign(process.env, { STRIPE_API_BASE: "http://127.0.0.1:9", STRIPE_PRICE_MONTHLY: "price_other_m", STRIPE_PRICE_YEARLY: "price_other_y" });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (line: string) => warnings.push(line);
    try {
      expect(await getPlans()).toEqual({ kind: "unavailable", message: expect.stringContaining("Please try again in a minute") });
      await expect(startCheckout(owner, listing.slug, "monthly")).rejects.toThrow();
      expect(await tierOf(listing.id)).toBe("FREE");
    } finally {
      console.warn = warn;
      Object.assign(process.env, { STRIPE_API_BASE: base, ...keys });
    }
    expect(warnings.join("\n")).toMatch(/prices not read from Stripe/);
  }, 60_000);

  it("lets an admin grant and withdraw a Business Listing, audited, without touching a paid subscription", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const listing = await createListing();
    expect(await setBusinessGrant(admin.id, listing.slug, true, "partner programme")).toMatchObject({ kind: "done", change: { before: "FREE", after: "BUSINESS" } });
    expect(await setBusinessGrant(admin.id, listing.slug, true, "again")).toMatchObject({ kind: "unchanged" });
    expect(await db.auditLog.findFirst({ where: { targetId: listing.id }, select: { actorId: true, action: true, reason: true } })).toEqual({ actorId: admin.id, action: "listing.grant-business", reason: "partner programme" });
    expect(await setBusinessGrant(admin.id, listing.slug, false, "programme over")).toMatchObject({ kind: "done", change: { after: "FREE" } });
    expect(await setBusinessGrant(admin.id, "no-such-listing", true, "x")).toEqual({ kind: "not-found" });

    const { owner, listing: paid } = await ownerWithListing();
    const { events } = await stripe.completeCheckout((await checkoutFor(owner, paid.slug)).id, { deliver: false });
    for (const event of events) await deliver(event);
    await setBusinessGrant(admin.id, paid.slug, true, "goodwill");
    expect(await setBusinessGrant(admin.id, paid.slug, false, "goodwill over")).toMatchObject({ kind: "done", change: { after: "BUSINESS" } });
  });
});
