// Starts, for the whole run, the services the app talks to: the mail catcher (SMTP_URL) and the
// local Stripe (STRIPE_API_BASE), which delivers signed webhooks to the app's real route.
import { startMailCatcher } from "../lib/testing/mail-catcher";
import { FakeStripe } from "../lib/testing/stripe-server";
import { E2E_STRIPE } from "./support/stripe";

export default async function globalSetup() {
  const { stop: stopMail } = await startMailCatcher(Number(process.env.E2E_SMTP_PORT), process.env.E2E_MAIL_DIR!);
  const stripe = await FakeStripe.start({
    secretKey: E2E_STRIPE.secretKey,
    webhookSecret: E2E_STRIPE.webhookSecret,
    webhookUrl: `http://localhost:${process.env.E2E_PORT ?? 3100}/api/stripe/webhook`,
    port: Number(process.env.E2E_STRIPE_PORT),
    prices: [
      { id: E2E_STRIPE.monthly, unitAmount: 1900, currency: "usd", interval: "month" },
      { id: E2E_STRIPE.yearly, unitAmount: 19000, currency: "usd", interval: "year" },
    ],
  });
  return async () => {
    await stripe.close();
    await stopMail();
  };
}
