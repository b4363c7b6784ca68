import type { TListingCard } from "@/lib/listings/selects";
import { html, type Html } from "./html";
import { listingCard } from "./listing-card";

/** The labelled Business Listing slots of the home and category pages, as markup; nothing when there are none. */
export function featuredSection(listings: TListingCard[]): Html | null {
  if (listings.length === 0) return null;
  return html`<section aria-labelledby="featured"><h2 id="featured" class="mb-4 text-xl font-semibold">Featured Business Listings <span class="text-sm font-normal text-stone-500 dark:text-stone-400">(sponsored)</span></h2><div class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">${listings.map(listingCard)}</div></section>`;
}
