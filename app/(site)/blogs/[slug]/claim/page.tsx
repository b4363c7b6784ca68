import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClaimForm } from "@/components/claim-form";
import { requireUser } from "@/lib/auth/guards";
import { getClaimableListing, getMyClaim, ownsListing } from "@/lib/claims/claims";

export const metadata: Metadata = { title: "Claim a blog", robots: { index: false } };

type Props = { params: Promise<{ slug: string }> };

export default async function ClaimPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/blogs/${slug}/claim`);
  const listing = await getClaimableListing(slug);
  if (!listing) notFound();
  const [claim, owner] = await Promise.all([getMyClaim(user, listing.id), ownsListing(user, listing.id)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Claim {listing.name}</h1>
      {owner && claim?.status !== "LAPSED" ? (
        <p role="status" className="rounded-lg bg-emerald-50 p-4 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          You own this listing. <Link href={`/blogs/${listing.slug}`} className="font-semibold underline">Back to the blog</Link>
        </p>
      ) : (
        <>
          {claim?.status === "LAPSED" && (
            <p role="alert" className="rounded-lg bg-amber-50 p-4 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
              Our monthly check could not find your proof any more ({claim.lastError}). Prove it again to keep the verified badge.
            </p>
          )}
          <p className="text-stone-600 dark:text-stone-300">
            Prove that you run {listing.siteUrl} and the listing becomes yours to edit, with a verified badge. Choose the way that suits your site.
          </p>
          <ClaimForm slug={listing.slug} siteUrl={listing.siteUrl} claim={claim && claim.status === "PENDING" && claim.expiresAt > new Date() ? claim : null} />
        </>
      )}
    </div>
  );
}
