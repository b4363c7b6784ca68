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

/** The hardening headers beside the policy, the same on every page. */
export const HARDENING_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  ["referrer-policy", "strict-origin-when-cross-origin"],
  ["permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"],
  ["cross-origin-opener-policy", "same-origin"],
];
