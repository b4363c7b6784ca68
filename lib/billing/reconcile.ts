// `npm run stripe:reconcile`: for when a webhook was never delivered (an outage, a wrong secret).
// Every subscription Stripe has is written as it is; ours that Stripe no longer knows are ended;
// every listing's tier is recomputed. What changed is returned line by line (security.md 7).
import "server-only";
import { db } from "@/lib/db";
import { announcePageChanges } from "@/lib/page-cache/announce";
import type { Stripe } from "@/lib/services/stripe";
import { listingsWithDriftedTier, lockSubscription, recomputeTier, truthOf, writeSubscription, type TTierChange } from "./subscriptions";

export type TReconcileReport = { subscriptionsChecked: number; changes: string[]; skipped: string[] };

export async function reconcileSubscriptions(stripe: Stripe, now = new Date()): Promise<TReconcileReport> {
  const report: TReconcileReport = { subscriptionsChecked: 0, changes: [], skipped: [] };
  const tierChanges: TTierChange[] = [];
  const seen = new Set<string>();
  const describe = (change: TTierChange, why: string) => `${change.slug}: ${change.before === "BUSINESS" ? "Business" : "free"} → ${change.after === "BUSINESS" ? "Business" : "free"} (${why})`;

  for await (const subscription of stripe.subscriptions.list({ status: "all", limit: 100 })) {
    report.subscriptionsChecked += 1;
    seen.add(subscription.id);
    const truth = truthOf(subscription);
    const before = await db.billingSubscription.findUnique({ where: { stripeSubscriptionId: subscription.id }, select: { status: true } });
    const result = await db.$transaction(async (tx) => {
      await lockSubscription(tx, subscription.id);
      return writeSubscription(tx, truth, { now });
    });
    if (result.kind === "skipped") {
      if (truth.blogId) report.skipped.push(result.reason); // subscriptions for other products are not ours to mention
      continue;
    }
    if (result.change.before !== result.change.after) {
      tierChanges.push(result.change);
      report.changes.push(describe(result.change, `subscription ${subscription.id} is ${truth.status}`));
    } else if (before?.status !== truth.status) {
      report.changes.push(`${result.change.slug}: subscription ${subscription.id} ${before ? `${before.status} → ${truth.status}` : `recorded (${truth.status})`}`);
    }
  }

  // Subscriptions we hold as live that Stripe no longer lists: ask for each; gone means ended.
  const live = await db.billingSubscription.findMany({ where: { status: { notIn: ["canceled", "incomplete_expired"] } }, select: { stripeSubscriptionId: true, blogId: true, blog: { select: { slug: true } } } });
  for (const row of live.filter((item) => !seen.has(item.stripeSubscriptionId))) {
    let gone = false;
    try {
      const subscription = await stripe.subscriptions.retrieve(row.stripeSubscriptionId);
      const result = await db.$transaction(async (tx) => {
        await lockSubscription(tx, row.stripeSubscriptionId);
        return writeSubscription(tx, truthOf(subscription), { now });
      });
      if (result.kind === "written" && result.change.before !== result.change.after) {
        tierChanges.push(result.change);
        report.changes.push(describe(result.change, `subscription ${row.stripeSubscriptionId} is ${subscription.status}`));
      }
    } catch (error) {
      if ((error as { code?: string }).code !== "resource_missing") throw error;
      gone = true;
    }
    if (gone) {
      const change = await db.$transaction(async (tx) => {
        await lockSubscription(tx, row.stripeSubscriptionId);
        await tx.billingSubscription.update({ where: { stripeSubscriptionId: row.stripeSubscriptionId }, data: { status: "canceled", endedAt: now } });
        return recomputeTier(tx, row.blogId, now);
      });
      report.changes.push(change && change.before !== change.after ? describe(change, `Stripe has no subscription ${row.stripeSubscriptionId}`) : `${row.blog.slug}: subscription ${row.stripeSubscriptionId} ended (Stripe no longer has it)`);
      if (change && change.before !== change.after) tierChanges.push(change);
    }
  }

  // Any listing whose tier disagrees with its subscriptions and grant (edited by hand, say).
  for (const id of await listingsWithDriftedTier(now)) {
    const change = await db.$transaction((tx) => recomputeTier(tx, id, now));
    if (change && change.before !== change.after) {
      tierChanges.push(change);
      report.changes.push(describe(change, change.after === "FREE" ? "no live subscription or grant" : "a live subscription or grant"));
    }
  }
  if (tierChanges.length) await announcePageChanges(db, [...new Set(tierChanges.map((change) => `blog:${change.blogId}`)), "lists:now"]);
  return report;
}
