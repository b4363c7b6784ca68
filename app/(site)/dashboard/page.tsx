import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/format";
import { requireUser } from "@/lib/auth/guards";
import { getMyListings } from "@/lib/owners/my-listings";

export const metadata: Metadata = { title: "My listings", robots: { index: false } };

const STATUS: Record<string, string> = { PENDING: "waiting for review", ACTIVE: "listed", DORMANT: "dormant (its feed went quiet)", REJECTED: "not accepted", SUSPENDED: "suspended" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const listings = await getMyListings(user);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">My listings</h1>
      {listings.length === 0 ? (
        <p className="text-stone-600 dark:text-stone-300">
          You do not own or edit a listing yet. <Link href="/submit" className="underline">List your blog</Link>, or claim it from its page if it is already listed.
        </p>
      ) : (
        <ul className="space-y-4">
          {listings.map((listing) => (
            <li key={listing.id} className="rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-700 dark:bg-stone-900">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-xl font-semibold">{listing.name}</h2>
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  {listing.members[0]?.role === "OWNER" ? "Owner" : "Editor"} · {listing.tier === "BUSINESS" ? "Business Listing" : "Free listing"} · {STATUS[listing.status] ?? listing.status.toLowerCase()}
                  {listing.verifiedAt ? " · verified" : ""}
                </span>
              </div>
              {listing.claims[0] && (
                <p role="alert" className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                  Ownership check failed{listing.claims[0].checkedAt ? ` on ${formatDate(listing.claims[0].checkedAt)}` : ""}: {listing.claims[0].lastError}.{" "}
                  <Link href={`/blogs/${listing.slug}/claim`} className="font-semibold underline">
                    Prove it again
                  </Link>
                </p>
              )}
              <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="font-medium">Posts mirrored</dt>
                <dd>{listing.mirrorMode === "NONE" ? "none shown (mirroring is off)" : listing.postCount}</dd>
                <dt className="font-medium">Last read</dt>
                <dd>{listing.lastCheckedAt ? formatDate(listing.lastCheckedAt) : "not yet"}{listing.lastSuccessAt && listing.lastCheckedAt && listing.lastSuccessAt < listing.lastCheckedAt ? ` (last success ${formatDate(listing.lastSuccessAt)})` : ""}</dd>
                {listing.lastError && (
                  <>
                    <dt className="font-medium">Last error</dt>
                    <dd className="text-red-700 dark:text-red-300">{listing.lastError}</dd>
                  </>
                )}
                <dt className="font-medium">Next check</dt>
                <dd>{formatDate(listing.nextCheckAt)}</dd>
                {listing.dormantSince && (
                  <>
                    <dt className="font-medium">Dormant since</dt>
                    <dd>{formatDate(listing.dormantSince)}: we check it less often until it posts again</dd>
                  </>
                )}
              </dl>
              <p className="mt-3 flex flex-wrap gap-4">
                <Link href={`/dashboard/listings/${listing.slug}`} className="font-semibold underline">
                  Edit {listing.name}
                </Link>
                {(listing.status === "ACTIVE" || listing.status === "DORMANT") && (
                  <Link href={`/blogs/${listing.slug}`} className="underline">
                    See its page
                  </Link>
                )}
                {listing.tier === "FREE" && listing.members[0]?.role === "OWNER" && (listing.status === "ACTIVE" || listing.status === "DORMANT") && (
                  <Link href={`/pricing?listing=${listing.slug}`} className="font-semibold text-teal-800 underline dark:text-teal-300">
                    Upgrade {listing.name} to a Business Listing
                  </Link>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
