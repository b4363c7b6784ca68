// Next.js proxy (the file convention that replaced middleware in Next 16): every page gets a fresh
// CSP nonce that Next puts on its own scripts, and the headers of lib/security-headers.ts
// (security.md 23). Public pages for visitors without a session are answered before this, at the
// door of the web process (scripts/web-server.ts, docs/decisions/007): from its page cache, or
// rendered by Next with those headers set by the door, which this proxy then leaves alone.
import { NextResponse, type NextRequest } from "next/server";
import { countPostView, flushViewsEvery, ViewCounter } from "@/lib/analytics/post-views";
import { newNonce } from "@/lib/page-cache/page-cache";
import { pageSecurityHeaders } from "@/lib/security-headers";

const views = new ViewCounter();
let viewFlusher: ReturnType<typeof setInterval> | undefined;

export async function proxy(request: NextRequest) {
  // Pages the door (scripts/web-server.ts) handed over never reach this (see the matcher): their
  // views were counted there. Under `next dev`, and for visitors with a session, they are counted here.
  countPostView(views, request.method, request.nextUrl.pathname, request.headers);
  viewFlusher ??= flushViewsEvery(views);
  const headers = pageSecurityHeaders(newNonce(), request.nextUrl.pathname);
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of headers.request) requestHeaders.set(name, value);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of headers.response) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|demo/).*)",
      missing: [
        // Pages the door hands Next itself carry their headers already (lib/page-cache/serve-page.ts).
        // BYPASS_HEADER, written out: Next reads this config as a literal (a test checks they agree).
        { type: "header", key: "x-page-cache" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
