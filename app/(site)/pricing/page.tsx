import type { Metadata } from "next";
import Link from "next/link";
import { UpgradeForm } from "@/components/billing-forms";
import { getCurrentUser } from "@/lib/auth/guards";
import { getOwnedListingsForPricing } from "@/lib/billing/checkout";
import { formatAmount, getPlans, type TPlanPrice } from "@/lib/billing/plans";

export const metadata: Metadata = {
  title: "Business Listings",
  description: "Upgrade a free listing to a Business Listing: featured slots, first place in its categories and searches, a richer profile and faster mirroring.",
};

const BENEFITS = [
  "Featured slots on the home page and your categories, rotated fairly among Business Listings",
  "First place in your categories and in searches that match your blog",
  "A richer profile: your logo, a call-to-action button, contact and social links",
  "No upgrade banner on your pages",
  "The fastest mirroring: your feed is checked most often, and WebSub push where your blog offers it",
  "Clearly labelled as Business, with paid links marked rel=\"sponsored\" as search engines require",
];

type Props = { searchParams: Promise<{ listing?: string | string[]; checkout?: string | string[] }> };

function PlanCard({ plan, monthly }: { plan: TPlanPrice; monthly?: TPlanPrice }) {
  const saving = plan.interval === "year" && monthly && monthly.currency === plan.currency ? monthly.amount * 12 - plan.amount : 0;
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-700 dark:bg-stone-900">
      <h3 className="text-lg font-semibold">{plan.plan === "monthly" ? "Monthly" : "Yearly"}</h3>
      <p className="mt-2 text-3xl font-bold">
        {plan.formatted}
        <span className="text-base font-normal text-stone-600 dark:text-stone-300"> a {plan.interval}</span>
      </p>
      {saving > 0 && <p className="mt-1 text-sm text-emerald-800 dark:text-emerald-300">Save {formatAmount(saving, plan.currency)} against monthly</p>}
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-300">Cancel at any time; the listing stays Business until the paid period ends.</p>
    </div>
  );
}

export default async function PricingPage({ searchParams }: Props) {
  const query = await searchParams;
  const wanted = typeof query.listing === "string" ? query.listing : undefined;
  const [plans, user] = await Promise.all([getPlans(), getCurrentUser()]);
  const owned = user ? await getOwnedListingsForPricing(user) : [];
  const ordered = wanted ? [...owned].sort((a, b) => Number(b.slug === wanted) - Number(a.slug === wanted)) : owned;
  const signInHref = `/signin?callbackUrl=${encodeURIComponent(`/pricing${wanted ? `?listing=${encodeURIComponent(wanted)}` : ""}`)}`;

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">Business Listings</h1>
        <p className="text-lg text-stone-700 dark:text-stone-300">More visitors for your blog. Visibility, never a different truth: the organic ranking is the same for everyone.</p>
      </header>
      {query.checkout === "cancelled" && (
        <p role="status" className="rounded-lg bg-stone-100 p-4 dark:bg-stone-800">
          Checkout was cancelled; nothing was charged.
        </p>
      )}
      <section aria-labelledby="benefits" className="space-y-3">
        <h2 id="benefits" className="text-xl font-semibold">
          What a Business Listing gets
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {BENEFITS.map((benefit) => (
            <li key={benefit}>{benefit}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="plans" className="space-y-4">
        <h2 id="plans" className="text-xl font-semibold">
          Plans
        </h2>
        {plans.kind === "off" && (
          <div role="status" className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-5 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            <p className="font-semibold">Billing is not configured on this installation.</p>
            <p>
              To switch it on, the operator sets <code>STRIPE_SECRET_KEY</code>, <code>STRIPE_WEBHOOK_SECRET</code>, <code>STRIPE_PRICE_MONTHLY</code> and <code>STRIPE_PRICE_YEARLY</code> (two
              recurring prices in Stripe), points a Stripe webhook at <code>/api/stripe/webhook</code>, and restarts. The README&apos;s settings table says more.
            </p>
            <p>Until then, an administrator can grant a Business Listing by hand.</p>
          </div>
        )}
        {plans.kind === "unavailable" && (
          <p role="alert" className="rounded-lg bg-red-50 p-4 text-red-900 dark:bg-red-950 dark:text-red-100">
            {plans.message}
          </p>
        )}
        {plans.kind === "ready" && (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              {plans.plans.map((plan) => (
                <PlanCard key={plan.plan} plan={plan} monthly={plans.plans.find((other) => other.plan === "monthly")} />
              ))}
            </div>
            {!user && (
              <p>
                <Link href={signInHref} className="font-semibold underline">
                  Sign in to upgrade your listing
                </Link>{" "}
                · Not listed yet?{" "}
                <Link href="/submit" className="underline">
                  List your blog
                </Link>{" "}
                first; it is free.
              </p>
            )}
            {user && wanted && !owned.some((listing) => listing.slug === wanted) && (
              <p className="rounded-lg bg-stone-100 p-4 dark:bg-stone-800">
                You do not own that listing. If it is your blog,{" "}
                <Link href={`/blogs/${encodeURIComponent(wanted)}/claim`} className="underline">
                  claim it
                </Link>{" "}
                first; otherwise,{" "}
                <Link href="/submit" className="underline">
                  list your own blog
                </Link>
                .
              </p>
            )}
            {user && owned.length === 0 && !wanted && (
              <p>
                You do not own a listing yet. <Link href="/submit" className="underline">List your blog</Link>, then upgrade it here.
              </p>
            )}
            {ordered.length > 0 && (
              <ul className="space-y-4" aria-label="Your listings">
                {ordered.map((listing) => (
                  <li key={listing.slug} className="space-y-2 rounded-xl border border-stone-200 p-4 dark:border-stone-700">
                    <p className="font-semibold">{listing.name}</p>
                    {listing.tier === "BUSINESS" ? (
                      <p className="text-sm">
                        Already a Business Listing.{" "}
                        <Link href={`/dashboard/listings/${listing.slug}`} className="underline">
                          Manage its billing
                        </Link>
                      </p>
                    ) : listing.status === "ACTIVE" || listing.status === "DORMANT" ? (
                      <UpgradeForm slug={listing.slug} name={listing.name} plans={plans.plans.map((plan) => ({ plan: plan.plan, label: `${plan.formatted} a ${plan.interval}` }))} />
                    ) : (
                      <p className="text-sm text-stone-600 dark:text-stone-300">It can be upgraded once it is approved and listed.</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </div>
  );
}
