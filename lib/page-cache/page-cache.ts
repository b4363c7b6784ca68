// Rendered public pages, kept in memory and served again with a fresh CSP nonce: the reason the
// directory's pages answer at close to the speed of a static file (issue 4, docs/decisions/007).
//
// Every page must carry a CSP with a fresh nonce (security.md 23), which makes Next render it on
// every request. This cache keeps the rendered HTML and, on each hit, swaps the nonce it was rendered
// with for a new one, in the body and in the policy. A page says which content it shows with a
// <meta name="blogatlas-cache-tags"> (blog:<id>, post:<id>, category:<id>, lists); when content
// changes, the writer announces its tags (announce.ts) and every web process drops the pages that
// carry them. "lists" (home, categories, tags, search) changes with every new post anywhere, so its
// invalidations are coalesced to one every LISTS_COALESCE_MS. Entries also expire after MAX_AGE_MS.

export type CachedPage = {
  /** The body as UTF-8, cut at every occurrence of the nonce: a hit joins them with its own. */
  parts: Buffer[];
  bytes: number;
  headers: Array<[string, string]>;
  nonce: string;
  tags: string[];
  storedAt: number;
};

export function cachedPage(body: string, nonce: string, headers: Array<[string, string]>, tags: string[], storedAt: number): CachedPage {
  const parts = body.split(nonce).map((part) => Buffer.from(part, "utf8"));
  return { parts, bytes: parts.reduce((sum, part) => sum + part.length, 0), headers, nonce, tags, storedAt };
}

/** The tags a rendered page declares, or null when it declares none (such pages are not cached). */
export function pageTags(html: string): string[] | null {
  const match = /<meta name="blogatlas-cache-tags" content="([^"]*)"/.exec(html);
  if (!match) return null;
  return match[1]!.split(" ").filter(Boolean);
}

const NONCE_BYTES = 18;
/**
 * Random bytes for the next 512 nonces, each byte used once: one call to the random source for 512
 * nonces rather than one per page served (2.4 µs a nonce before, 0.1 after; a hit costs ~75 µs).
 */
const noncePool = Buffer.alloc(NONCE_BYTES * 512);
let noncePoolUsed = noncePool.length;

/** A fresh CSP nonce: 18 random bytes, base64url. */
export function newNonce(): string {
  if (noncePoolUsed === noncePool.length) {
    crypto.getRandomValues(noncePool);
    noncePoolUsed = 0;
  }
  const nonce = noncePool.toString("base64url", noncePoolUsed, noncePoolUsed + NONCE_BYTES);
  noncePoolUsed += NONCE_BYTES;
  return nonce;
}

/**
 * The page as it must be sent now: its stored pieces with the new nonce between them, and its
 * headers with the new nonce in the policy. The pieces are sent as they are, never joined: a joined
 * copy of every page served was a new 52 KB buffer a hit, and at thousands of hits a second those
 * buffers alone set off several of V8's full collections a second.
 */
export function withNonce(page: CachedPage, nonce: string): { pieces: Buffer[]; bytes: number; headers: Array<[string, string]> } {
  const glue = Buffer.from(nonce, "utf8");
  const pieces: Buffer[] = [];
  for (const [index, part] of page.parts.entries()) {
    if (index > 0) pieces.push(glue);
    pieces.push(part);
  }
  return {
    pieces,
    bytes: page.bytes + glue.length * (page.parts.length - 1),
    headers: page.headers.map(([key, value]) => [key, value.replaceAll(page.nonce, nonce)]),
  };
}

export const MAX_AGE_MS = 5 * 60_000;
export const LISTS_COALESCE_MS = 30_000;

export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  private pendingLists: ReturnType<typeof setTimeout> | undefined;
  private lastListsFlush = 0;
  /** Told of every drop (the tags, or null for everything), so data kept beside pages drops with them. */
  onDrop: ((tags: Set<string> | null) => void) | undefined;

  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly now: () => number = Date.now,
    /** One huge page must not push out hundreds of others. */
    readonly maxPageBytes = maxBytes / 16,
  ) {}

  get size(): number {
    return this.pages.size;
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (this.now() - page.storedAt > MAX_AGE_MS) {
      this.delete(key);
      return undefined;
    }
    // Least recently used goes first: a hit moves the page to the end of the map's order.
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  set(key: string, page: CachedPage): void {
    this.delete(key);
    const size = page.bytes;
    if (size > this.maxPageBytes) return;
    this.pages.set(key, page);
    this.bytes += size;
    for (const oldest of this.pages.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  /**
   * Drops every page carrying one of the tags; "lists" at most once per LISTS_COALESCE_MS, and
   * "lists:now" (a takedown, a suspension) at once.
   */
  invalidate(tags: string[]): void {
    const now = this.now();
    if (tags.includes("lists:now")) {
      this.flushLists();
      tags = tags.filter((tag) => tag !== "lists:now");
    }
    const other = tags.filter((tag) => tag !== "lists");
    if (other.length) this.dropTagged(new Set(other));
    if (other.length === tags.length) return;
    if (now - this.lastListsFlush >= LISTS_COALESCE_MS) {
      this.flushLists();
    } else if (!this.pendingLists) {
      this.pendingLists = setTimeout(() => this.flushLists(), this.lastListsFlush + LISTS_COALESCE_MS - now);
      this.pendingLists.unref?.();
    }
  }

  clear(): void {
    this.pages.clear();
    this.bytes = 0;
    this.onDrop?.(null);
  }

  private flushLists(): void {
    clearTimeout(this.pendingLists);
    this.pendingLists = undefined;
    this.lastListsFlush = this.now();
    this.dropTagged(new Set(["lists"]));
  }

  private dropTagged(tags: Set<string>): void {
    for (const [key, page] of this.pages) if (page.tags.some((tag) => tags.has(tag))) this.delete(key);
    this.onDrop?.(tags);
  }

  private delete(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.bytes;
  }
}
