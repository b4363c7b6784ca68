"use client";

import { useActionState } from "react";
import { billingPortalAction, upgradeAction, type BillingFormState } from "@/app/(site)/pricing/actions";

type Plan = { plan: "monthly" | "yearly"; label: string };

/** One button per plan for one listing; a refusal is said next to the buttons. */
export function UpgradeForm({ slug, name, plans }: { slug: string; name: string; plans: Plan[] }) {
  const [state, action, pending] = useActionState<BillingFormState, FormData>(upgradeAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="slug" value={slug} />
      <div className="flex flex-wrap gap-3">
        {plans.map((plan) => (
          <button
            key={plan.plan}
            type="submit"
            name="plan"
            value={plan.plan}
            disabled={pending}
            className="rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:opacity-60"
          >
            Upgrade {name}: {plan.label}
          </button>
        ))}
      </div>
      {pending && <p role="status" className="text-sm text-stone-600 dark:text-stone-300">Opening the secure checkout…</p>}
      {state.message && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{state.message}</p>}
    </form>
  );
}

export function BillingPortalForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState<BillingFormState, FormData>(billingPortalAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="slug" value={slug} />
      <button type="submit" disabled={pending} className="rounded-lg border border-stone-300 px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60 dark:border-stone-600 dark:hover:bg-stone-800">
        Manage billing (cards, invoices, plan, cancel)
      </button>
      {state.message && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{state.message}</p>}
    </form>
  );
}
