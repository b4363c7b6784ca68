// Who a request comes from, as far as the edge can tell, for the proxy and the auth modules alike
// (no server-only imports: proxy.ts uses it).

/** next-auth's session cookie, over http and over https. A request without one has no session. */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

export const hasSessionCookie = (has: (name: string) => boolean) => SESSION_COOKIES.some((name) => has(name));

/**
 * The client's network address as the nearest hop saw it: the last X-Forwarded-For entry. A reverse
 * proxy appends the address it was connected from, so that entry is not the client's to choose,
 * while the first one is whatever the client sent. Without a proxy, Next sets the header to the
 * socket's address when the client sent none (and keeps the client's when it did: see README,
 * "Deploying", on running behind a proxy that sets the header).
 */
export function clientAddress(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((entry) => entry.trim()).filter(Boolean);
  return forwarded?.at(-1) || headers.get("x-real-ip") || "unknown";
}
