import type { TListingCard } from "@/lib/listings/selects";
import { businessBadgeHtml } from "./business-badge";
import { html, type Html } from "./html";
import { listingIconHtml } from "./listing-icon";
import { verifiedBadgeHtml } from "./verified-badge";

/** A listing in a list (featured slots, rankings), as markup: see components/html.tsx for why not JSX. */
export function listingCard(listing: TListingCard): Html {
  const meta = listing.categories.map((entry) => entry.category.name).join(" · ") + (listing.postCount > 0 ? ` · ${listing.postCount} posts` : "");
  return html`<article class="flex gap-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">${listingIconHtml(listing.name, listing.iconUrl)}<div class="min-w-0"><h3 class="flex flex-wrap items-center gap-2 font-semibold"><a href="/blogs/${listing.slug}" class="hover:underline">${listing.name}</a>${listing.tier === "BUSINESS" && businessBadgeHtml}${listing.verifiedAt && verifiedBadgeHtml()}</h3>${listing.description && html`<p class="mt-1 line-clamp-2 text-sm text-stone-600 dark:text-stone-300">${listing.description}</p>`}<p class="mt-1 text-xs text-stone-500 dark:text-stone-400">${meta}</p></div></article>`;
}
