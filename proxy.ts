// Next.js proxy (the file convention that replaced middleware in Next 16): every page gets a fresh
// CSP nonce that Next puts on its own scripts, and the headers of lib/security-headers.ts
// (security.md 23). Public pages for visitors without a session are answered before this, at the
// door of the web process (scripts/web-server.ts, docs/decisions/007): from its page cache, or
// rendered by Next with those headers set by the door, which this proxy then leaves alone.
import { NextResponse, type NextRequest } from "next/server";
import { countPostView, flushViewsEvery, ViewCounter } from "@/lib/analytics/post-views";
import { newNonce } from "@/lib/page-cache/page-cache";
import { BYPASS_HEADER } from "@/lib/page-cache/serve-page";
import { contentSecurityPolicy, HARDENING_HEADERS } from "@/lib/security-headers";

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
  for (const [name, value] of HARDENING_HEADERS) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|demo/).*)",
      missing: [
        // Pages the door hands Next itself carry their headers already (lib/page-cache/serve-page.ts).
        { type: "header", key: "x-page-cache" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
