"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { openBillingPortal, startCheckout, type CheckoutAnswer } from "@/lib/billing/checkout";
import { BillingNotConfiguredError } from "@/lib/services/stripe";

export type BillingFormState = { message?: string };

const NOT_YOURS = "That listing is not one you own.";

/** Upgrade one of my listings: off to Stripe Checkout, or a message saying why not. */
export async function upgradeAction(_previous: BillingFormState, form: FormData): Promise<BillingFormState> {
  const slug = String(form.get("slug") ?? "");
  const user = await requireUser(`/pricing?listing=${encodeURIComponent(slug)}`);
  return follow(() => startCheckout(user, slug, form.get("plan")));
}

/** Stripe's customer portal for cards, invoices, plan changes and cancellation. */
export async function billingPortalAction(_previous: BillingFormState, form: FormData): Promise<BillingFormState> {
  const slug = String(form.get("slug") ?? "");
  const user = await requireUser(`/dashboard/listings/${slug}`);
  return follow(() => openBillingPortal(user, slug));
}

async function follow(run: () => Promise<CheckoutAnswer>): Promise<BillingFormState> {
  let answer: CheckoutAnswer;
  try {
    answer = await run();
  } catch (error) {
    if (error instanceof BillingNotConfiguredError) return { message: "Billing is not configured on this installation." };
    console.warn(`billing: Stripe call failed: ${(error as Error).message}`);
    return { message: "Our payment provider could not be reached just now. Nothing was charged; please try again in a minute." };
  }
  if (answer.kind === "redirect") redirect(answer.url);
  return { message: answer.kind === "not-found" ? NOT_YOURS : answer.message };
}
