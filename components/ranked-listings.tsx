import Link from "next/link";
import type { TListingCard } from "@/lib/listings/selects";
import type { TPostCard } from "@/lib/posts/selects";
import { html, HtmlBlock } from "./html";
import { listingCard } from "./listing-card";
import { PostSection } from "./post-section";

type Props = {
  /** The page's own path, to which the cursor is added. */
  basePath: string;
  firstPage: boolean;
  listings: TListingCard[];
  next: { score: number; id: string } | null;
  latestPosts: TPostCard[];
  emptyText: string;
};

/** A category's or tag's ranked listings, one keyset page at a time, beside its latest posts. */
export function RankedListings({ basePath, firstPage, listings, next, latestPosts, emptyText }: Props) {
  const link = "font-semibold text-teal-800 underline dark:text-teal-300";
  return (
    <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="ranking">
        <h2 id="ranking" className="mb-1 text-xl font-semibold">
          {firstPage ? "Top blogs" : "More blogs"}
        </h2>
        <p className="mb-4 text-sm text-stone-500 dark:text-stone-400">
          Ranked by posting regularity, freshness, subscribers and click-through; payment never changes this order.
        </p>
        {listings.length === 0 ? (
          <p>{emptyText}</p>
        ) : (
          <HtmlBlock as="ol" className="space-y-3">
            {listings.map((listing) => html`<li>${listingCard(listing)}</li>`)}
          </HtmlBlock>
        )}
        <nav aria-label="Ranking pages" className="mt-6 flex gap-4">
          {!firstPage && (
            <Link href={basePath} className={link}>
              ← Back to the top
            </Link>
          )}
          {next && (
            <Link href={`${basePath}?after=${next.score}_${next.id}`} className={link}>
              More blogs →
            </Link>
          )}
        </nav>
      </section>
      <PostSection id="latest" title="Latest posts" posts={latestPosts} layout="list" />
    </div>
  );
}
