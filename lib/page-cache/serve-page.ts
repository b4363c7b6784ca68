// The page cache at the door (called from proxy.ts): a hit is sent with a fresh nonce; a miss is
// rendered once by Next (through an internal request that bypasses this cache), stored when the page
// declares its tags, and sent. Concurrent misses for one page wait for the same render.
import { type CachedPage, cachedPage, type PageCache, pageTags, withNonce } from "./page-cache";

/** Headers of a rendered page worth keeping; hop-by-hop and length headers are Node's to write. */
const KEPT_HEADERS = new Set([
  "content-type",
  "content-security-policy",
  "x-content-type-options",
  "x-frame-options",
  "referrer-policy",
  "permissions-policy",
  "cross-origin-opener-policy",
  "vary",
  "cache-control",
  "link",
  "content-language",
]);

export const BYPASS_HEADER = "x-page-cache";

type Rendered = { page: CachedPage } | { response: Response };

const inflight = new Map<string, Promise<Rendered>>();

const nonceOf = (policy: string | null) => policy?.match(/'nonce-([^']+)'/)?.[1];

function send(page: CachedPage, nonce: string, head: boolean, state: "hit" | "miss"): Response {
  const { body, headers } = withNonce(page, nonce);
  // Buffer.concat allocates a plain (not shared) ArrayBuffer, which is what Response accepts.
  const response = new Response(head ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  response.headers.set(BYPASS_HEADER, state);
  return response;
}

async function renderAndStore(render: () => Promise<Response>, cache: PageCache, store: boolean, key: string, now: () => number): Promise<Rendered> {
  const response = await render();
  const nonce = nonceOf(response.headers.get("content-security-policy"));
  const html = response.headers.get("content-type")?.startsWith("text/html");
  if (!store || response.status !== 200 || !html || !nonce || response.headers.has("set-cookie")) return { response };
  const body = await response.text();
  const headers = [...response.headers].filter(([name]) => KEPT_HEADERS.has(name.toLowerCase()));
  const tags = pageTags(body);
  const page = cachedPage(body, nonce, headers, tags ?? [], now());
  if (tags !== null) cache.set(key, page);
  return { page };
}

export async function servePage(options: {
  key: string;
  head: boolean;
  /** A nonce for this response, should it be served from the cache. */
  nonce: string;
  cache: PageCache;
  /** False while announcements could be missed: nothing is stored then, and nothing served. */
  canUseCache: boolean;
  render: () => Promise<Response>;
  now?: () => number;
}): Promise<Response> {
  const { key, cache, canUseCache, render, nonce, head } = options;
  const now = options.now ?? Date.now;
  if (canUseCache) {
    const hit = cache.get(key);
    if (hit) return send(hit, nonce, head, "hit");
  }
  let pending = inflight.get(key);
  const mine = !pending;
  if (!pending) {
    pending = renderAndStore(render, cache, canUseCache, key, now);
    inflight.set(key, pending);
    void pending.finally(() => inflight.delete(key)).catch(() => {});
  }
  const rendered = await pending;
  if ("page" in rendered) return send(rendered.page, mine ? rendered.page.nonce : nonce, head, "miss");
  if (mine) return rendered.response;
  // The shared render was not a cacheable page (an error, a redirect): render this request too.
  return render();
}
