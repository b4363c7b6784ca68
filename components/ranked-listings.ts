import type { TListingCard } from "@/lib/listings/selects";
import type { TPostCard } from "@/lib/posts/selects";
import { html, type Html } from "./html";
import { listingCard } from "./listing-card";
import { postSection } from "./post-section";

type Props = {
  /** The page's own path, to which the cursor is added. */
  basePath: string;
  firstPage: boolean;
  listings: TListingCard[];
  next: { score: number; id: string } | null;
  latestPosts: TPostCard[];
  emptyText: string;
};

const LINK = "font-semibold text-teal-800 underline dark:text-teal-300";

/** A category's or tag's ranked listings, one keyset page at a time, beside its latest posts, as markup. */
export function rankedListings({ basePath, firstPage, listings, next, latestPosts, emptyText }: Props): Html {
  const ranking =
    listings.length === 0 ? html`<p>${emptyText}</p>` : html`<ol class="space-y-3">${listings.map((listing) => html`<li>${listingCard(listing)}</li>`)}</ol>`;
  return html`<div class="grid gap-10 lg:grid-cols-[2fr_1fr]"><section aria-labelledby="ranking"><h2 id="ranking" class="mb-1 text-xl font-semibold">${firstPage ? "Top blogs" : "More blogs"}</h2><p class="mb-4 text-sm text-stone-500 dark:text-stone-400">Ranked by posting regularity, freshness, subscribers and click-through; payment never changes this order.</p>${ranking}<nav aria-label="Ranking pages" class="mt-6 flex gap-4">${!firstPage && html`<a href="${basePath}" class="${LINK}">← Back to the top</a>`}${next && html`<a href="${basePath}?after=${next.score}_${next.id}" class="${LINK}">More blogs →</a>`}</nav></section>${postSection("latest", "Latest posts", latestPosts, "list")}</div>`;
}
