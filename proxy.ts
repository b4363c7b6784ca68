// Next.js proxy (the file convention that replaced middleware in Next 16): every page gets a fresh
// CSP nonce that Next puts on its own scripts, a policy with no 'unsafe-inline' for scripts, and
// the usual security headers (security.md 23). Mirrored images come from anywhere, so img-src is
// open to http(s); nothing else is. Public pages for visitors without a session are answered from
// the page cache when it has them (lib/page-cache, docs/decisions/007).
import { NextResponse, type NextRequest } from "next/server";
import { isVisitor, storePostViews, ViewCounter } from "@/lib/analytics/post-views";
import { clientAddress, hasSessionCookie } from "@/lib/auth/request-identity";
import { listenForPageChanges, type Listener } from "@/lib/page-cache/listen";
import { dropMemo, setMemoLive } from "@/lib/page-cache/data-memo";
import { PageCache } from "@/lib/page-cache/page-cache";
import { BYPASS_HEADER, servePage } from "@/lib/page-cache/serve-page";

export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Style attributes (the initials avatars) need this; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: http: data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const newNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64url");

const pageCache = new PageCache();
pageCache.onDrop = dropMemo;
let listener: Listener | undefined;

/** Pages every visitor sees alike: cacheable when asked for without a session or a client-side navigation. */
const CACHEABLE_PATH = /^\/($|blogs\/[^/]+$|posts\/[^/]+$|categories\/[^/]+$|tags\/[^/]+$|search$)/;

function cacheable(request: NextRequest): boolean {
  if (process.env.NODE_ENV !== "production" || process.env.PAGE_CACHE === "off") return false;
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.headers.has(BYPASS_HEADER) || request.headers.has("rsc") || request.headers.has("next-action") || request.nextUrl.searchParams.has("_rsc")) return false;
  if (hasSessionCookie((name) => request.cookies.has(name))) return false;
  return CACHEABLE_PATH.test(request.nextUrl.pathname);
}

function renderInternally(request: NextRequest): Promise<Response> {
  const origin = `http://127.0.0.1:${process.env.PORT ?? (request.nextUrl.port || "3000")}`;
  const headers = new Headers(request.headers);
  headers.set(BYPASS_HEADER, "render");
  headers.set("accept-encoding", "identity");
  return fetch(new URL(request.nextUrl.pathname + request.nextUrl.search, origin), { headers, redirect: "manual", cache: "no-store" });
}

const views = new ViewCounter();
let viewFlusher: ReturnType<typeof setInterval> | undefined;
const POST_PATH = /^\/posts\/([a-z0-9]{20,40})$/;

/** A visitor's read of a post page, whether it is then served from the cache or rendered. */
function countView(request: NextRequest) {
  const postId = POST_PATH.exec(request.nextUrl.pathname)?.[1];
  if (!postId || request.method !== "GET" || request.headers.has(BYPASS_HEADER)) return;
  if (!isVisitor(request.headers.get("user-agent"), request.headers.get("purpose") ?? request.headers.get("sec-purpose"))) return;
  const visitor = clientAddress(request.headers);
  views.record(postId, `${visitor} ${request.headers.get("user-agent")}`);
  viewFlusher ??= setInterval(() => {
    views.flush(storePostViews).catch((error: unknown) => console.error(`post views not written yet (kept for the next try): ${String(error)}`));
  }, 5000);
  viewFlusher.unref?.();
}

export async function proxy(request: NextRequest) {
  countView(request);
  if (cacheable(request)) {
    listener ??= listenForPageChanges(process.env.DATABASE_URL ?? "", (tags) => pageCache.invalidate(tags), () => {
      pageCache.clear();
      setMemoLive(false);
    });
    setMemoLive(listener.connected);
    return servePage({
      key: request.nextUrl.pathname + request.nextUrl.search,
      head: request.method === "HEAD",
      nonce: newNonce(),
      cache: pageCache,
      canUseCache: listener.connected,
      render: () => renderInternally(request),
    });
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  response.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  response.headers.set("cross-origin-opener-policy", "same-origin");
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|demo/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
