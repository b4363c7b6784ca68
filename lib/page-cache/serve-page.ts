// The page cache at the door of the web process (scripts/web-server.ts, in front of Next): a hit is
// sent with a fresh nonce without reaching Next at all; a miss is rendered by Next straight into the
// visitor's response (streamed, not buffered; a page with a transform, such as a post page served
// as a document, is held until whole), copied on the way out, and stored when the page declares its
// tags. Concurrent misses for one page wait for the same render.
import type { IncomingMessage, ServerResponse } from "node:http";
import { hasSessionCookie } from "@/lib/auth/request-identity";
import { isPublicDirectoryPage, pathOf } from "@/lib/public-pages";
import { pageSecurityHeaders } from "@/lib/security-headers";
import { type CachedPage, cachedPage, type PageCache, pageTags, withNonce } from "./page-cache";

/** Headers of a rendered page worth keeping; hop-by-hop, length and encoding headers are Node's to write. */
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

/**
 * On a response: hit or miss. On a request: set by the door on the misses it hands to Next (which
 * then neither counts the view again nor serves from a cache); any copy a client sends is removed.
 */
export const BYPASS_HEADER = "x-page-cache";

/**
 * The cache key of a request for a public page asked for without a session or a client-side
 * navigation (those render per visitor), or null when it must go to Next as it is.
 */
export function cacheKeyOf(request: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  if (!isPublicDirectoryPage(pathOf(url))) return null;
  const { headers } = request;
  if (headers.rsc || headers["next-action"] || headers["next-router-prefetch"]) return null;
  if (query >= 0 && new URLSearchParams(url.slice(query + 1)).has("_rsc")) return null;
  if (headers.cookie) {
    const names = new Set(
      headers.cookie.split(";").map((pair) => {
        const equals = pair.indexOf("=");
        return (equals < 0 ? pair : pair.slice(0, equals)).trim();
      }),
    );
    if (hasSessionCookie((name) => names.has(name))) return null;
  }
  return url;
}

/**
 * Ends a response whose render failed outside Next's own error page: logged, and a 500 when nothing
 * was sent yet (else the visitor gets what was sent, cut short), never an unhandled rejection.
 */
export function failRequest(request: IncomingMessage, response: ServerResponse, error: unknown): void {
  console.error(`serving ${request.url} failed: ${String(error)}`);
  if (!response.headersSent) response.statusCode = 500;
  response.end();
}

/** Renders the request into the response (Next's request handler). */
export type Render = (request: IncomingMessage, response: ServerResponse) => unknown;

/** What the door makes of a rendered page before it is sent and kept (post pages: ./document-mode.ts). */
export type Transform = (html: string) => string;

const inflight = new Map<string, Promise<CachedPage | null>>();

/**
 * Hands a request to Next marked as the door's (Next then neither counts the view again nor serves
 * it from a cache, and proxy.ts does not run for it), with what the proxy would have given it: this
 * response's nonce and policy, for Next to put on its scripts, and the hardening headers. Running
 * Next's proxy machinery for a page cost the render about a tenth of its time.
 */
function handOver(request: IncomingMessage, response: ServerResponse, nonce: string): void {
  const headers = pageSecurityHeaders(nonce, pathOf(request.url ?? "/"));
  request.headers[BYPASS_HEADER] = "render";
  for (const [name, value] of headers.request) request.headers[name] = value;
  for (const [name, value] of headers.response) response.setHeader(name, value);
}

const nonceOf = (policy: string) => policy.match(/'nonce-([^']+)'/)?.[1];

function send(response: ServerResponse, page: CachedPage, nonce: string, head: boolean, state: "hit" | "miss"): void {
  const { pieces, bytes, headers } = withNonce(page, nonce);
  response.statusCode = 200;
  for (const [name, value] of headers) response.setHeader(name, value);
  response.setHeader(BYPASS_HEADER, state);
  response.setHeader("content-length", bytes); // the compression on the way out drops it when it compresses
  if (head) return void response.end();
  // Corked around these writes only: uncompressed, the pieces leave in one write to the socket
  // without ever being joined; compressed, they go into zlib, whose output comes later and must find
  // the socket uncorked (left corked until the end, a gzip answer arrived empty).
  response.cork();
  for (const piece of pieces) response.write(piece);
  response.uncork();
  response.end();
}

/**
 * Lets Next render into `response` while keeping a copy of what it writes; resolves to the page
 * when it is one worth storing (a 200 HTML page with a nonce, no cookie set, tags declared), else null.
 */
function renderAndCopy(request: IncomingMessage, response: ServerResponse, render: Render, nonce: string, maxBytes: number, now: () => number, transform?: Transform): Promise<CachedPage | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    // A page to transform is held until it is whole (it is small, and rendered in milliseconds).
    const holding = transform !== undefined;
    const keep = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function" || (bytes > maxBytes && !holding)) return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      bytes += buffer.length;
      chunks.push(buffer);
    };
    const write = response.write;
    const end = response.end;
    response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      if (holding) {
        const callback = rest.find((argument) => typeof argument === "function") as (() => void) | undefined;
        if (callback) process.nextTick(callback);
        return true;
      }
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof response.write;
    response.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      if (holding) {
        const callback = [chunk, ...rest].find((argument) => typeof argument === "function") as (() => void) | undefined;
        let body = Buffer.concat(chunks, bytes);
        // Only a whole HTML page is transformed, and only while its length is still ours to set.
        if (isPage() && !response.hasHeader("content-length")) {
          body = Buffer.from(transform(body.toString("utf8")));
          chunks.splice(0, chunks.length, body);
          bytes = body.length;
        }
        const result = (end as (...args: unknown[]) => ServerResponse).call(this, body, callback);
        resolve(storable());
        return result;
      }
      const result = (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
      resolve(storable());
      return result;
    } as typeof response.end;
    // A visitor who leaves mid-render: nothing complete to keep.
    response.once("close", () => resolve(null));

    const isPage = () => response.statusCode === 200 && String(response.getHeader("content-type") ?? "").startsWith("text/html");
    const storable = (): CachedPage | null => {
      const nonce = nonceOf(String(response.getHeader("content-security-policy") ?? ""));
      if (!isPage() || !nonce || response.hasHeader("set-cookie") || bytes > maxBytes) return null;
      const body = Buffer.concat(chunks, bytes).toString("utf8");
      const tags = pageTags(body);
      if (tags === null) return null;
      const headers = Object.entries(response.getHeaders())
        .filter(([name, value]) => KEPT_HEADERS.has(name) && value !== undefined)
        .map(([name, value]): [string, string] => [name, Array.isArray(value) ? value.join(", ") : String(value)]);
      return cachedPage(body, nonce, headers, tags, now());
    };

    handOver(request, response, nonce);
    Promise.resolve()
      .then(() => render(request, response))
      .catch((error: unknown) => failRequest(request, response, error));
  });
}

export async function servePage(
  request: IncomingMessage,
  response: ServerResponse,
  options: {
    key: string;
    /** A nonce for this response, should it be served from the cache. */
    nonce: string;
    cache: PageCache;
    /** False while announcements could be missed: nothing is stored then, and nothing served. */
    canUseCache: boolean;
    render: Render;
    /** Applied to the page as rendered, before it is sent and kept. */
    transform?: Transform;
    now?: () => number;
  },
): Promise<void> {
  const { key, cache, canUseCache, render, nonce } = options;
  const head = request.method === "HEAD";
  if (canUseCache) {
    const hit = cache.get(key);
    if (hit) return send(response, hit, nonce, head, "hit");
  }
  const pending = inflight.get(key);
  if (pending) {
    // Another visitor's render of this page is under way: share it when it is a page to keep.
    const page = await pending;
    if (page) return send(response, page, nonce, head, "miss");
    handOver(request, response, nonce);
    await render(request, response);
    return;
  }
  response.setHeader(BYPASS_HEADER, "miss");
  const rendering = renderAndCopy(request, response, render, nonce, cache.maxPageBytes, options.now ?? Date.now, options.transform);
  inflight.set(key, rendering);
  const page = await rendering.finally(() => inflight.delete(key));
  if (page && canUseCache) cache.set(key, page);
}
