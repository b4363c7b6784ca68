import type { TListingCard } from "@/lib/listings/selects";
import { HtmlBlock } from "./html";
import { listingCard } from "./listing-card";

/** The labelled Business Listing slots of the home and category pages. */
export function FeaturedListings({ listings }: { listings: TListingCard[] }) {
  if (listings.length === 0) return null;
  return (
    <section aria-labelledby="featured">
      <h2 id="featured" className="mb-4 text-xl font-semibold">
        Featured Business Listings <span className="text-sm font-normal text-stone-500 dark:text-stone-400">(sponsored)</span>
      </h2>
      <HtmlBlock className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{listings.map(listingCard)}</HtmlBlock>
    </section>
  );
}
