// The local Stripe of the end-to-end run (e2e/global-setup.ts) and the settings the app gets for it.
export const E2E_STRIPE = {
  secretKey: "sk_test_e2e_blogatlas",
  webhookSecret: "whsec_e2e_blogatlas",
  monthly: "price_e2e_monthly",
  yearly: "price_e2e_yearly",
};

export const stripeUrl = () => `http://127.0.0.1:${process.env.E2E_STRIPE_PORT}`;
