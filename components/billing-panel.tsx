import Link from "next/link";
import { AutoRefresh } from "@/components/auto-refresh";
import { BillingPortalForm } from "@/components/billing-forms";
import { formatDate } from "@/components/format";
import type { TBillingState } from "@/lib/billing/checkout";

type Props = {
  slug: string;
  tier: "FREE" | "BUSINESS";
  state: TBillingState;
  canPay: boolean;
  billingOn: boolean;
  /** Back from Stripe Checkout: the webhook may not have confirmed yet. */
  checkoutReturned: boolean;
};

const plan = (interval: string | null) => (interval === "year" ? "yearly" : interval === "month" ? "monthly" : "");
const AFTER_END = "Then it goes back to a free listing: its posts, categories, settings and people all stay.";

/** Where the listing's billing stands, and what the owner can do about it. */
export function BillingPanel({ slug, tier, state, canPay, billingOn, checkoutReturned }: Props) {
  const activating = checkoutReturned && tier === "FREE";
  return (
    <section aria-labelledby="billing" className="space-y-3 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-700 dark:bg-stone-900">
      <h2 id="billing" className="text-xl font-semibold">
        Business Listing
      </h2>
      {activating ? (
        <AutoRefresh
          late={
            <p role="alert" className="rounded-lg bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
              Stripe has not confirmed the payment yet. If you paid, it usually arrives within minutes; reload this page later. Nothing is charged twice.
            </p>
          }
        >
          <p role="status" aria-live="polite" className="rounded-lg bg-teal-50 p-3 text-teal-900 dark:bg-teal-950 dark:text-teal-100">
            Activating your Business Listing… We wait for Stripe to confirm the payment; this page updates by itself.
          </p>
        </AutoRefresh>
      ) : (
        checkoutReturned &&
        tier === "BUSINESS" && (
          <p role="status" className="rounded-lg bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
            Thank you: this is now a Business Listing. <Link href={`/blogs/${slug}`} className="underline">See its page</Link>
          </p>
        )
      )}
      {state.kind === "active" && (
        <p>
          Active, billed {plan(state.interval)}. {state.renewsOn ? `Renews on ${formatDate(state.renewsOn)}.` : ""}
        </p>
      )}
      {state.kind === "ending" && (
        <p>
          Cancelled: a Business Listing until {state.endsOn ? formatDate(state.endsOn) : "the end of the paid period"}. {AFTER_END}
        </p>
      )}
      {state.kind === "past-due" && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-100">
          The last payment failed. Stripe retries the card; the listing stays Business for {state.daysLeft} more {state.daysLeft === 1 ? "day" : "days"}
          {state.graceUntil ? ` (until ${formatDate(state.graceUntil)})` : ""}. Update the card in billing to keep it. {AFTER_END}
        </p>
      )}
      {state.kind === "granted" && <p>Granted by the BlogAtlas team on {formatDate(state.since)}; nothing to pay.</p>}
      {state.kind === "ended" && (
        <p>
          The subscription ended{state.endedOn ? ` on ${formatDate(state.endedOn)}` : ""}; this is a free listing again.
        </p>
      )}
      {state.kind === "free" && !activating && <p>A free listing. A Business Listing is featured, comes first in its categories and searches, and is mirrored fastest.</p>}
      {!billingOn ? (
        <p className="text-sm text-stone-600 dark:text-stone-300">Billing is not configured on this installation.</p>
      ) : !canPay ? (
        <p className="text-sm text-stone-600 dark:text-stone-300">Only the listing&apos;s owners manage its billing.</p>
      ) : (
        <div className="flex flex-wrap items-start gap-3">
          {tier === "FREE" && !activating && state.kind !== "past-due" && (
            <Link href={`/pricing?listing=${slug}`} className="rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
              Upgrade to a Business Listing
            </Link>
          )}
          {(state.kind === "active" || state.kind === "ending" || state.kind === "past-due" || state.kind === "ended") && <BillingPortalForm slug={slug} />}
        </div>
      )}
    </section>
  );
}
