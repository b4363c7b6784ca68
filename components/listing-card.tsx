import Link from "next/link";
import type { TListingCard } from "@/lib/listings/selects";
import { BusinessBadge } from "./business-badge";
import { ListingIcon } from "./listing-icon";
import { VerifiedBadge } from "./verified-badge";

export function ListingCard({ listing }: { listing: TListingCard }) {
  return (
    <article className="flex gap-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <ListingIcon name={listing.name} iconUrl={listing.iconUrl} />
      <div className="min-w-0">
        <h3 className="flex flex-wrap items-center gap-2 font-semibold">
          <Link href={`/blogs/${listing.slug}`} className="hover:underline">
            {listing.name}
          </Link>
          {listing.tier === "BUSINESS" && <BusinessBadge />}
          {listing.verifiedAt && <VerifiedBadge />}
        </h3>
        {listing.description && <p className="mt-1 line-clamp-2 text-sm text-stone-600 dark:text-stone-300">{listing.description}</p>}
        <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">
          {listing.categories.map((entry) => entry.category.name).join(" · ")}
          {listing.postCount > 0 && ` · ${listing.postCount} posts`}
        </p>
      </div>
    </article>
  );
}
