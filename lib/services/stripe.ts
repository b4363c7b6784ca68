// Stripe, the one outside system billing talks to. The SDK is created from the settings once per
// process; STRIPE_API_BASE points it at another server (the tests' local Stripe, a proxy) by
// host, port and protocol, the options the official SDK offers for that.
import "server-only";
import Stripe from "stripe";
import { loadBillingSettings } from "@/lib/env";

export type { Stripe };

export type BillingConfig = {
  secretKey: string;
  webhookSecret: string;
  prices: { monthly: string; yearly: string };
  appUrl: string;
  apiBase?: string;
};

/** The billing settings when billing is on (STRIPE_SECRET_KEY set), else null. */
export function billingConfig(source: Record<string, string | undefined> = process.env): BillingConfig | null {
  const settings = loadBillingSettings(source);
  if (!settings.STRIPE_SECRET_KEY || !settings.STRIPE_WEBHOOK_SECRET || !settings.STRIPE_PRICE_MONTHLY || !settings.STRIPE_PRICE_YEARLY) return null;
  return {
    secretKey: settings.STRIPE_SECRET_KEY,
    webhookSecret: settings.STRIPE_WEBHOOK_SECRET,
    prices: { monthly: settings.STRIPE_PRICE_MONTHLY, yearly: settings.STRIPE_PRICE_YEARLY },
    appUrl: settings.APP_URL.replace(/\/$/, ""),
    apiBase: settings.STRIPE_API_BASE,
  };
}

export function createStripeClient(config: Pick<BillingConfig, "secretKey" | "apiBase">): Stripe {
  const base = config.apiBase ? new URL(config.apiBase) : undefined;
  return new Stripe(config.secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    appInfo: { name: "BlogAtlas" },
    ...(base
      ? { host: base.hostname, port: base.port || (base.protocol === "https:" ? 443 : 80), protocol: base.protocol === "https:" ? "https" : "http" }
      : {}),
  });
}

let cached: { key: string; client: Stripe } | undefined;

/** This process's Stripe client, or null when billing is off. */
export function stripeClient(): { stripe: Stripe; config: BillingConfig } | null {
  const config = billingConfig();
  if (!config) return null;
  const key = `${config.secretKey} ${config.apiBase ?? ""}`;
  if (cached?.key !== key) cached = { key, client: createStripeClient(config) };
  return { stripe: cached.client, config };
}

export class BillingNotConfiguredError extends Error {
  constructor() {
    super("billing is not configured on this installation: set STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_MONTHLY and STRIPE_PRICE_YEARLY");
  }
}
