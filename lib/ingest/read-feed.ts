// Fetch → decode → parse → sanitize, with no database: used by the worker, by `npm run feed --
// preview` and by submissions. Returns what was fetched and the entries ready to store.
import { decodeFeedBody } from "./decode";
import { fetchFeed, type FetchOutcome, type FetchRequest } from "./fetch-feed";
import { FeedParseError, parseFeedText, type ParsedFeed } from "./parse-feed";
import { contentFacts, sanitizeHtml } from "./sanitize";
import type { EntryRow } from "./store-entries";
import { isWebAddress } from "@/lib/listings/social-links";

export type ReadyEntry = EntryRow & { publishedAtKnown: boolean };

export type ReadFeedResult =
  | { kind: "parsed"; fetch: Extract<FetchOutcome, { kind: "ok" }>; feed: ParsedFeed; entries: ReadyEntry[] }
  | { kind: "unchanged"; fetch: Extract<FetchOutcome, { kind: "ok" | "not-modified" }> }
  | { kind: "invalid"; fetch: Extract<FetchOutcome, { kind: "ok" }>; reason: string }
  | { kind: "fetch-problem"; fetch: Exclude<FetchOutcome, { kind: "ok" | "not-modified" }> };

/**
 * Sanitizes parsed entries; entries without a date get first-seen times that keep feed order. A
 * summary gives the excerpt when it says something of its own: one that is only the first part of
 * the content (an RSS description cut from it, as many generators write it) would give a worse
 * excerpt than the content's own, cut mid-word or mid-tag, so it is not sanitized at all.
 */
const webAddress = (url: string | undefined) => (url && isWebAddress(url) ? url : undefined);

export function prepareEntries(feed: ParsedFeed, now = Date.now()): ReadyEntry[] {
  return feed.entries.map((entry, index) => {
    const content = sanitizeHtml(entry.contentHtml, entry.baseUrl);
    const summary = entry.summaryHtml && !entry.contentHtml.startsWith(entry.summaryHtml) ? sanitizeHtml(entry.summaryHtml, entry.baseUrl) : undefined;
    const contentHtml = content.html;
    const facts = contentFacts(contentHtml ? content : (summary ?? content), entry.imageUrl);
    const excerpt = summary?.html ? contentFacts(summary).excerpt : facts.excerpt;
    return {
      identityKey: entry.identityKey,
      // An entry without a web address of its own credits the blog itself. A feed's link can be of
      // any scheme (javascript:, data:), and the post page links it as the original.
      url: webAddress(entry.url) ?? webAddress(feed.siteUrl) ?? new URL("/", feed.baseUrl).href,
      title: entry.title || excerpt.slice(0, 80) || "Untitled",
      authors: entry.authors.slice(0, 10),
      publishedAt: entry.publishedAt ?? new Date(now - index),
      publishedAtKnown: Boolean(entry.publishedAt),
      feedUpdatedAt: entry.updatedAt,
      contentHtml,
      excerpt,
      imageUrl: facts.imageUrl,
      readingMinutes: facts.readingMinutes,
    };
  });
}

export async function readFeed(request: FetchRequest & { previousBodyHash?: string | null }): Promise<ReadFeedResult> {
  const fetched = await fetchFeed(request);
  if (fetched.kind === "not-modified") return { kind: "unchanged", fetch: fetched };
  if (fetched.kind !== "ok") return { kind: "fetch-problem", fetch: fetched };
  if (request.previousBodyHash && fetched.bodyHash === request.previousBodyHash) return { kind: "unchanged", fetch: fetched };
  try {
    const { text } = decodeFeedBody(fetched.body, fetched.contentType);
    const feed = parseFeedText(text, fetched.url, fetched.contentLocation);
    return { kind: "parsed", fetch: fetched, feed, entries: prepareEntries(feed) };
  } catch (error) {
    if (error instanceof FeedParseError) return { kind: "invalid", fetch: fetched, reason: error.message };
    throw error;
  }
}
