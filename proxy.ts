// Next.js proxy (the file convention that replaced middleware in Next 16): every page gets a fresh
// CSP nonce that Next puts on its own scripts, a policy with no 'unsafe-inline' for scripts, and
// the usual security headers (security.md 23). Mirrored images come from anywhere, so img-src is
// open to http(s); nothing else is. Public pages for visitors without a session are answered before
// this, from the page cache at the door of the web process (scripts/web-server.ts, docs/decisions/007).
import { NextResponse, type NextRequest } from "next/server";
import { countPostView, flushViewsEvery, ViewCounter } from "@/lib/analytics/post-views";
import { newNonce } from "@/lib/page-cache/page-cache";
import { BYPASS_HEADER } from "@/lib/page-cache/serve-page";

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


const views = new ViewCounter();
let viewFlusher: ReturnType<typeof setInterval> | undefined;

export async function proxy(request: NextRequest) {
  // A page the door (scripts/web-server.ts) handed over was counted there; under `next dev`, and for
  // visitors with a session, this is where every request passes.
  if (!request.headers.has(BYPASS_HEADER)) {
    countPostView(views, request.method, request.nextUrl.pathname, request.headers);
    viewFlusher ??= flushViewsEvery(views);
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
