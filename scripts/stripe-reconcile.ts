// npm run stripe:reconcile: reads every subscription from Stripe and repairs listings whose billing
// state drifted (a webhook never delivered, a row edited by hand), printing what it changed.
// Uses DATABASE_URL, or the embedded database of `npm run dev` when it is unset.
import { db } from "@/lib/db";
import { reconcileSubscriptions } from "@/lib/billing/reconcile";
import { BillingNotConfiguredError, stripeClient } from "@/lib/services/stripe";
import { fail, withDatabase } from "./support/with-database";

await withDatabase(async (databaseUrl) => {
  process.env.DATABASE_URL = databaseUrl;
  const billing = stripeClient();
  if (!billing) fail(new BillingNotConfiguredError());
  try {
    const report = await reconcileSubscriptions(billing.stripe);
    for (const line of report.changes) console.log(`changed: ${line}`);
    for (const line of report.skipped) console.log(`skipped: ${line}`);
    console.log(`${report.subscriptionsChecked} subscriptions read from Stripe; ${report.changes.length ? `${report.changes.length} changes` : "nothing had drifted"}`);
  } finally {
    await db.$disconnect();
  }
});
