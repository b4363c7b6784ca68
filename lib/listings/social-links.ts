// A Business Listing's social profiles: up to six addresses, stored as a JSON array of strings and
// shown on its page named after their network.

/** The networks people link to most, by host (subdomains included); anything else shows its host. */
const NETWORKS: Array<[RegExp, string]> = [
  [/(^|\.)(x|twitter)\.com$/, "X"],
  [/(^|\.)bsky\.app$/, "Bluesky"],
  [/(^|\.)threads\.(net|com)$/, "Threads"],
  [/(^|\.)instagram\.com$/, "Instagram"],
  [/(^|\.)facebook\.com$/, "Facebook"],
  [/(^|\.)linkedin\.com$/, "LinkedIn"],
  [/(^|\.)(youtube\.com|youtu\.be)$/, "YouTube"],
  [/(^|\.)tiktok\.com$/, "TikTok"],
  [/(^|\.)pinterest\.[a-z.]+$/, "Pinterest"],
  [/(^|\.)github\.com$/, "GitHub"],
  [/(^|\.)mastodon\.[a-z.]+$|^mstdn\.[a-z.]+$/, "Mastodon"],
];

export const MAX_SOCIAL_LINKS = 6;

/** An http(s) address a browser can open. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** The addresses stored for a listing (a JSON value that may be anything older code or a hand wrote). */
export function socialLinksOf(stored: unknown): string[] {
  return Array.isArray(stored) ? stored.filter((value): value is string => typeof value === "string" && isWebAddress(value)).slice(0, MAX_SOCIAL_LINKS) : [];
}

/** What a visitor reads for a profile link: the network's name, else the site's host. */
export function socialLabel(address: string): string {
  const host = new URL(address).hostname.toLowerCase().replace(/^www\./, "");
  return NETWORKS.find(([pattern]) => pattern.test(host))?.[1] ?? host;
}
