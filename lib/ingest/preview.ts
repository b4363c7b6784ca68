// A site or feed URL, read the way a submission sees it: the address checked against the fetch
// policy before any connection, the feed discovered, fetched and parsed with every safety check,
// and its entries sanitized. Used by `npm run feed -- preview/add` and by the submission form.
import { discoverFeed } from "./discover";
import type { ParsedFeed } from "./parse-feed";
import { readFeed, type ReadyEntry } from "./read-feed";
import { checkUrl, type FetchPolicy } from "./url-policy";
import { isWebAddress } from "@/lib/listings/social-links";

export type FeedPreview = {
  feedUrl: string;
  siteUrl: string;
  iconUrl?: string;
  feed: ParsedFeed;
  entries: ReadyEntry[];
};

export type PreviewResult = { ok: true; preview: FeedPreview } | { ok: false; refused: boolean; reason: string };

export async function previewFeed(rawUrl: string, policy: FetchPolicy): Promise<PreviewResult> {
  const verdict = checkUrl(rawUrl, policy);
  if (!verdict.ok) return { ok: false, refused: true, reason: verdict.reason };
  const found = await discoverFeed(verdict.url.href, policy);
  if ("error" in found) return { ok: false, refused: Boolean(found.refused), reason: found.error };
  const read = await readFeed({ url: found.feedUrl, policy });
  if (read.kind === "fetch-problem") {
    const problem = read.fetch;
    if (problem.kind === "refused") return { ok: false, refused: true, reason: problem.reason };
    const reason = problem.kind === "failed" ? problem.reason : problem.kind === "gone" ? "the feed is gone (HTTP 410)" : `HTTP ${problem.status} from ${problem.url}`;
    return { ok: false, refused: false, reason };
  }
  if (read.kind === "invalid") return { ok: false, refused: false, reason: read.reason };
  if (read.kind !== "parsed") return { ok: false, refused: false, reason: "the server answered 304 Not Modified to a request without validators" };
  return {
    ok: true,
    preview: {
      feedUrl: read.fetch.url,
      // The listing links its site: only an http(s) address (a feed's link can be javascript:).
      siteUrl: [read.feed.siteUrl, found.siteUrl].find((url) => url !== undefined && isWebAddress(url)) ?? new URL(read.fetch.url).origin,
      iconUrl: read.feed.iconUrl ?? found.iconUrl,
      feed: read.feed,
      entries: read.entries,
    },
  };
}
