// Finds a site's feed and icon: <link rel="alternate"> of a feed type first, then well-known paths;
// the icon from <link rel="icon"> / apple-touch-icon, else /favicon.ico. Every fetch goes through
// fetchFeed, so the same address checks and limits apply.
import { decodeFeedBody } from "./decode";
import { fetchFeed, type FetchOutcome } from "./fetch-feed";
import type { FetchPolicy } from "./url-policy";

const FEED_TYPES = /^(application\/(rss|atom|rdf|feed)\+(xml|json)|application\/(rss|atom)|application\/json|text\/xml|application\/xml)$/i;
export const WELL_KNOWN_FEED_PATHS = ["/feed", "/rss", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json", "/?feed=rss2"];

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"))?.slice(2).find((v) => v !== undefined);

/** Feed and icon links declared in an HTML page, resolved against the page (and its <base>). */
export function linksInHtml(html: string, pageUrl: string): { feeds: Array<{ url: string; title?: string }>; icon?: string } {
  const head = html.slice(0, 200_000);
  const baseHref = head.match(/<base\s[^>]*>/i)?.[0];
  const base = (baseHref && attr(baseHref, "href")) || pageUrl;
  const resolve = (href: string | undefined) => {
    if (!href) return undefined;
    try {
      return new URL(href.replace(/&amp;/g, "&"), new URL(base, pageUrl)).href;
    } catch {
      return undefined;
    }
  };
  const feeds: Array<{ url: string; title?: string }> = [];
  let icon: string | undefined;
  let touchIcon: string | undefined;
  for (const tag of head.match(/<link\s[^>]*>/gi) ?? []) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = resolve(attr(tag, "href"));
    if (!href) continue;
    if (rel.includes("alternate") && FEED_TYPES.test(attr(tag, "type") ?? "")) feeds.push({ url: href, title: attr(tag, "title") });
    if (rel.includes("icon")) icon ??= href;
    if (rel.includes("apple-touch-icon")) touchIcon ??= href;
  }
  return { feeds, icon: touchIcon ?? icon };
}

export type Discovery = { feedUrl: string; siteUrl: string; iconUrl?: string; checked: string[] } | { error: string; refused?: boolean; checked: string[] };

const isFeedBody = (outcome: FetchOutcome) => {
  if (outcome.kind !== "ok") return false;
  const text = decodeFeedBody(outcome.body.subarray(0, 4096), outcome.contentType).text;
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(text) || /^\s*\{[\s\S]*"version"\s*:\s*"https:\/\/jsonfeed\.org/i.test(text);
};

/** Given a site or feed URL, the feed to read. */
export async function discoverFeed(inputUrl: string, policy?: FetchPolicy): Promise<Discovery> {
  const checked: string[] = [inputUrl];
  const first = await fetchFeed({ url: inputUrl, policy, accept: "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, */*;q=0.5" });
  if (first.kind === "refused") return { error: first.reason, refused: true, checked };
  if (first.kind !== "ok") return { error: first.kind === "failed" ? first.reason : `${inputUrl} answered ${"status" in first ? `HTTP ${first.status}` : first.kind}`, checked };
  if (isFeedBody(first)) return { feedUrl: first.url, siteUrl: new URL(first.url).origin, checked };
  const page = decodeFeedBody(first.body, first.contentType).text;
  const { feeds, icon } = linksInHtml(page, first.url);
  const origin = new URL(first.url).origin;
  const candidates = [...feeds.map((feed) => feed.url), ...WELL_KNOWN_FEED_PATHS.map((path) => new URL(path, origin).href)];
  for (const candidate of candidates) {
    checked.push(candidate);
    const outcome = await fetchFeed({ url: candidate, policy });
    if (outcome.kind === "ok" && isFeedBody(outcome)) {
      return { feedUrl: outcome.url, siteUrl: first.url, iconUrl: icon ?? new URL("/favicon.ico", origin).href, checked };
    }
  }
  return { error: `no feed found at ${first.url}: it names none, and none of the usual places (${WELL_KNOWN_FEED_PATHS.join(", ")}) has one`, checked };
}
