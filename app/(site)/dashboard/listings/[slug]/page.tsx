import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BillingPanel } from "@/components/billing-panel";
import { ListingEditForm } from "@/components/listing-edit-form";
import { ListingPeople } from "@/components/listing-people";
import { requireUser } from "@/lib/auth/guards";
import { getBillingState } from "@/lib/billing/checkout";
import { getCategoryOptions } from "@/lib/categories/queries";
import { socialLinksOf } from "@/lib/listings/social-links";
import { getPeople } from "@/lib/owners/members";
import { getMyListing } from "@/lib/owners/my-listings";
import { stripeClient } from "@/lib/services/stripe";

export const metadata: Metadata = { title: "Edit a listing", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ checkout?: string | string[] }> };

export default async function EditListingPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const checkoutReturned = (await searchParams).checkout === "success";
  const user = await requireUser(`/dashboard/listings/${slug}`);
  const [listing, people, billing] = await Promise.all([getMyListing(user, slug), getPeople(user, slug), getBillingState(user, slug)]);
  if (!listing || !people || !billing) notFound(); // not yours, or not there: the same answer
  const categories = await getCategoryOptions();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p>
        <Link href="/dashboard" className="underline">
          ← My listings
        </Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">Edit {listing.name}</h1>
      <BillingPanel slug={listing.slug} tier={billing.tier} state={billing.state} canPay={billing.canPay} billingOn={stripeClient() !== null} checkoutReturned={checkoutReturned} />
      <ListingEditForm
        categories={categories}
        listing={{
          slug: listing.slug,
          business: listing.tier === "BUSINESS",
          description: listing.description ?? "",
          language: listing.language ?? "",
          mirrorMode: listing.mirrorMode,
          categories: listing.categories.map((row) => row.category.slug),
          tags: listing.tags.map((row) => row.tag.name).join(", "),
          logoUrl: listing.logoUrl ?? "",
          ctaLabel: listing.ctaLabel ?? "",
          ctaUrl: listing.ctaUrl ?? "",
          contactEmail: listing.contactEmail ?? "",
          socialLinks: socialLinksOf(listing.socialLinks).join("\n"),
        }}
      />
      <ListingPeople slug={listing.slug} myId={user.id} myRole={people.myRole} members={people.members} invitations={people.invitations} />
    </div>
  );
}
