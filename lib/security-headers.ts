// The headers every page carries (security.md 23): a Content-Security-Policy with this response's
// nonce and no 'unsafe-inline' for scripts, and the usual hardening headers. Mirrored images come
// from anywhere, so img-src is open to http(s); nothing else is. Set by proxy.ts on what reaches
// Next through it, and by the door (scripts/web-server.ts) on the pages it hands Next itself.

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
 * What a page needs for its render and its response, given its nonce: Next reads the nonce from the
 * request's policy (and our own inline scripts from x-nonce); the visitor gets the policy and the
 * hardening headers. Both proxy.ts and the door (handOver in lib/page-cache/serve-page.ts) apply it.
 */
export function pageSecurityHeaders(nonce: string, development = process.env.NODE_ENV === "development") {
  const policy = contentSecurityPolicy(nonce, development);
  return {
    request: [["x-nonce", nonce], ["content-security-policy", policy]] as const,
    response: [["content-security-policy", policy], ...HARDENING_HEADERS] as const,
  };
}

/** The hardening headers beside the policy, the same on every page. */
export const HARDENING_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  ["referrer-policy", "strict-origin-when-cross-origin"],
  ["permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"],
  ["cross-origin-opener-policy", "same-origin"],
];
