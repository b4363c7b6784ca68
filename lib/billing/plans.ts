// The two plans of the pricing page, with their amounts as Stripe has them (the prices are named by
// STRIPE_PRICE_MONTHLY and STRIPE_PRICE_YEARLY). Read at most every ten minutes per process.
import "server-only";
import { stripeClient, type Stripe } from "@/lib/services/stripe";
import type { TPlan } from "./checkout";

export type TPlanPrice = { plan: TPlan; priceId: string; amount: number; currency: string; interval: string; formatted: string };

export type TPlans = { kind: "off" } | { kind: "unavailable"; message: string } | { kind: "ready"; plans: TPlanPrice[] };

const TTL_MS = 10 * 60_000;
let cached: { key: string; at: number; plans: TPlanPrice[] } | undefined;

export function formatAmount(amount: number, currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100);
}

function planOf(plan: TPlan, price: Stripe.Price): TPlanPrice {
  if (price.unit_amount === null || !price.recurring) throw new Error(`Stripe price ${price.id} is not a recurring price with a fixed amount`);
  return { plan, priceId: price.id, amount: price.unit_amount, currency: price.currency, interval: price.recurring.interval, formatted: formatAmount(price.unit_amount, price.currency) };
}

export async function getPlans(now = Date.now()): Promise<TPlans> {
  const billing = stripeClient();
  if (!billing) return { kind: "off" };
  const { monthly, yearly } = billing.config.prices;
  const key = `${monthly} ${yearly}`;
  if (cached?.key === key && now - cached.at < TTL_MS) return { kind: "ready", plans: cached.plans };
  try {
    const [month, year] = await Promise.all([billing.stripe.prices.retrieve(monthly), billing.stripe.prices.retrieve(yearly)]);
    const plans = [planOf("monthly", month), planOf("yearly", year)];
    cached = { key, at: now, plans };
    return { kind: "ready", plans };
  } catch (error) {
    console.warn(`pricing: prices not read from Stripe: ${(error as Error).message}`);
    return { kind: "unavailable", message: "Prices could not be loaded from our payment provider just now. Please try again in a minute." };
  }
}
