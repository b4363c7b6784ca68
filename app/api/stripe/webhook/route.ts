// Stripe's webhook endpoint: the raw body and signature go to lib/billing/webhook.ts, which answers.
import { handleStripeWebhook, MAX_WEBHOOK_BYTES } from "@/lib/billing/webhook";
import { stripeClient } from "@/lib/services/stripe";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const billing = stripeClient();
  if (!billing) return Response.json({ error: "billing is not configured on this installation" }, { status: 404 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES) return Response.json({ error: "payload too large" }, { status: 413 });
  // The bytes exactly as sent: the signature covers them, not a re-serialised JSON.
  const payload = Buffer.from(await request.arrayBuffer());
  const result = await handleStripeWebhook(payload, request.headers.get("stripe-signature"), { stripe: billing.stripe, webhookSecret: billing.config.webhookSecret });
  return Response.json(result.body, { status: result.status });
}
