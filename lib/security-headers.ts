// The headers every page carries (security.md 23): a Content-Security-Policy with this response's
// nonce and no 'unsafe-inline' for scripts, and the usual hardening headers. Mirrored images come
// from anywhere, so img-src is open to http(s); nothing else is. Set by proxy.ts on what reaches
// Next through it, and by the door (scripts/web-server.ts) on the pages it hands Next itself.
import { isPublicDirectoryPage } from "@/lib/public-pages";

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

/**
 * What a page needs for its render and its response, given its nonce and path: Next reads the nonce
 * from the request's policy (and our own inline scripts from x-nonce); the visitor gets the policy,
 * the hardening headers and, except on the public directory's pages, the opener policy. Both
 * proxy.ts and the door (handOver in lib/page-cache/serve-page.ts) apply it.
 */
export function pageSecurityHeaders(nonce: string, path: string, development = process.env.NODE_ENV === "development") {
  const policy = contentSecurityPolicy(nonce, development);
  const response: Array<readonly [string, string]> = [["content-security-policy", policy], ...HARDENING_HEADERS];
  if (!isPublicDirectoryPage(path)) response.push(OPENER_POLICY);
  return { request: [["x-nonce", nonce], ["content-security-policy", policy]] as const, response };
}

/** The hardening headers beside the policy, the same on every page. */
export const HARDENING_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  ["referrer-policy", "strict-origin-when-cross-origin"],
  ["permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"],
];

/**
 * Cuts any other site's handle on the window, on every page but the public directory's (decision
 * 013): those read alike for everyone and hold nothing of the visitor's, and the policy there cost
 * a post page 2-12 Lighthouse points, the browser starting a process for it. Chosen by path alone,
 * never by session, or another site could tell from a cut handle who is signed in (XS-Leaks).
 */
export const OPENER_POLICY = ["cross-origin-opener-policy", "same-origin"] as const;
