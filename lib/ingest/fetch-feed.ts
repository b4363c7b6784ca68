// Fetches one URL the way a good feed reader does: conditional GET, gzip/br/deflate with a cap on
// the decompressed size, connect/header/idle/total time-outs, redirects followed by hand (at most
// five, each re-checked), an honest User-Agent. Outcomes are values, never exceptions, so the
// worker can schedule each one (a 304, a 410, a 429 with Retry-After, a refusal, a failure).
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { request } from "undici";
import { allowlistDispatcher, guardedDispatcher, RefusedAddressError } from "./safe-dispatcher";
import { checkUrl, type FetchPolicy } from "./url-policy";

export const USER_AGENT = "BlogAtlasBot/1.0 (+https://github.com/blogatlas; a blog directory that credits and links every post)";

export type FetchLimits = { maxBytes: number; totalTimeoutMs: number; maxRedirects: number };
export const DEFAULT_LIMITS: FetchLimits = { maxBytes: 10 * 1024 * 1024, totalTimeoutMs: 30_000, maxRedirects: 5 };

export type CacheHints = { maxAgeSeconds?: number; expiresAt?: Date };

export type FetchOutcome =
  | ({ kind: "ok"; url: string; permanentUrl?: string; body: Buffer; bodyHash: string; contentType?: string; contentLocation?: string; etag?: string; lastModified?: string } & CacheHints)
  | ({ kind: "not-modified"; url: string; permanentUrl?: string; etag?: string; lastModified?: string } & CacheHints)
  | { kind: "gone"; url: string }
  | { kind: "retry-later"; url: string; status: number; retryAfterSeconds?: number }
  | { kind: "http-error"; url: string; status: number }
  | { kind: "refused"; url: string; reason: string }
  | { kind: "failed"; url: string; reason: string };

export type FetchRequest = {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  policy?: FetchPolicy;
  limits?: Partial<FetchLimits>;
};

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Retry-After as seconds from now: either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - now) / 1000));
}

function cacheHints(headers: Record<string, string | string[] | undefined>): CacheHints {
  const hints: CacheHints = {};
  const maxAge = header(headers, "cache-control")?.match(/(?:^|,)\s*max-age\s*=\s*(\d+)/i);
  if (maxAge) hints.maxAgeSeconds = Number(maxAge[1]);
  const expires = header(headers, "expires");
  if (expires && !Number.isNaN(Date.parse(expires))) hints.expiresAt = new Date(expires);
  return hints;
}

class TooLargeError extends Error {}

async function readCapped(body: Readable, encoding: string | undefined, maxBytes: number): Promise<Buffer> {
  let stream: Readable = body;
  const coding = (encoding ?? "").trim().toLowerCase();
  if (coding === "gzip" || coding === "x-gzip") stream = body.pipe(zlib.createGunzip());
  else if (coding === "br") stream = body.pipe(zlib.createBrotliDecompress());
  else if (coding === "deflate") stream = body.pipe(zlib.createInflate());
  else if (coding && coding !== "identity") throw new Error(`unsupported content encoding ${coding}`);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new TooLargeError();
      chunks.push(chunk as Buffer);
    }
  } finally {
    discard(body);
    if (stream !== body) discard(stream);
  }
  return Buffer.concat(chunks);
}

function describeFailure(error: unknown, limits: FetchLimits): string {
  if (error instanceof TooLargeError) return `the response is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MiB`;
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `no complete answer within ${limits.totalTimeoutMs / 1000} s`;
  const code = e.code ?? e.cause?.code;
  switch (code) {
    case "UND_ERR_CONNECT_TIMEOUT":
      return "connection timed out";
    case "UND_ERR_HEADERS_TIMEOUT":
      return "the server sent no response headers in time";
    case "UND_ERR_BODY_TIMEOUT":
      return "the server stopped sending the body";
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
      return "the host name does not resolve";
    case "ECONNRESET":
      return "the connection was reset";
    case "Z_DATA_ERROR":
    case "ERR_PADDING_1":
      return "the compressed body is corrupt";
    default:
      return (e.message ?? String(error)).slice(0, 300);
  }
}

export async function fetchFeed(input: FetchRequest): Promise<FetchOutcome> {
  const limits = { ...DEFAULT_LIMITS, ...input.limits };
  // One deadline for all hops and the body; cleared at the end so nothing fires after we return.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException("deadline", "TimeoutError")), limits.totalTimeoutMs);
  try {
    return await fetchWithin(input, limits, controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

/** A response body we will not read: dropped without letting a late error escape. */
function discard(body: Readable) {
  body.on("error", () => {});
  body.destroy();
}

async function fetchWithin(input: FetchRequest, limits: FetchLimits, deadline: AbortSignal): Promise<FetchOutcome> {
  let current = input.url;
  let permanent = true;
  for (let hop = 0; hop <= limits.maxRedirects; hop++) {
    const verdict = checkUrl(current, input.policy);
    if (!verdict.ok) return { kind: "refused", url: current, reason: verdict.reason };
    const conditional = hop === 0 || permanent;
    const headers: Record<string, string> = {
      "user-agent": USER_AGENT,
      accept: input.accept ?? "application/atom+xml, application/rss+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5",
      "accept-encoding": "gzip, br, deflate",
    };
    if (conditional && input.etag) headers["if-none-match"] = input.etag;
    if (conditional && input.lastModified) headers["if-modified-since"] = input.lastModified;
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(verdict.url, {
        method: "GET",
        headers,
        signal: deadline,
        dispatcher: verdict.allowlisted ? allowlistDispatcher() : guardedDispatcher(input.policy?.lookup),
      });
    } catch (error) {
      const refused = error instanceof RefusedAddressError ? error : (error as { cause?: unknown }).cause;
      if (refused instanceof RefusedAddressError) return { kind: "refused", url: current, reason: refused.reason };
      return { kind: "failed", url: current, reason: describeFailure(error, limits) };
    }
    const { statusCode, headers: responseHeaders, body } = response;
    const permanentUrl = permanent && hop > 0 ? current : undefined;
    if (statusCode >= 300 && statusCode < 400 && statusCode !== 304) {
      discard(body);
      const location = header(responseHeaders, "location");
      if (!location) return { kind: "http-error", url: current, status: statusCode };
      if (statusCode !== 301 && statusCode !== 308) permanent = false;
      try {
        current = new URL(location, current).href;
      } catch {
        return { kind: "failed", url: current, reason: `redirect to an invalid address (${location.slice(0, 200)})` };
      }
      continue;
    }
    if (statusCode === 304) {
      discard(body);
      return { kind: "not-modified", url: current, permanentUrl, etag: header(responseHeaders, "etag"), lastModified: header(responseHeaders, "last-modified"), ...cacheHints(responseHeaders) };
    }
    if (statusCode === 410) {
      discard(body);
      return { kind: "gone", url: current };
    }
    if (statusCode === 429 || statusCode === 503) {
      discard(body);
      return { kind: "retry-later", url: current, status: statusCode, retryAfterSeconds: parseRetryAfter(header(responseHeaders, "retry-after")) };
    }
    if (statusCode < 200 || statusCode >= 300) {
      discard(body);
      return { kind: "http-error", url: current, status: statusCode };
    }
    try {
      const declared = Number(header(responseHeaders, "content-length"));
      if (declared > limits.maxBytes) throw new TooLargeError();
      const bytes = await readCapped(body, header(responseHeaders, "content-encoding"), limits.maxBytes);
      return {
        kind: "ok",
        url: current,
        permanentUrl,
        body: bytes,
        bodyHash: createHash("sha256").update(bytes).digest("hex"),
        contentType: header(responseHeaders, "content-type"),
        contentLocation: header(responseHeaders, "content-location"),
        etag: header(responseHeaders, "etag"),
        lastModified: header(responseHeaders, "last-modified"),
        ...cacheHints(responseHeaders),
      };
    } catch (error) {
      discard(body);
      return { kind: "failed", url: current, reason: describeFailure(error, limits) };
    }
  }
  return { kind: "failed", url: current, reason: `more than ${limits.maxRedirects} redirects` };
}
