// Who a request comes from, as far as the edge can tell, for the proxy and the auth modules alike
// (no server-only imports: proxy.ts uses it).

/** next-auth's session cookie, over http and over https. A request without one has no session. */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

export const hasSessionCookie = (has: (name: string) => boolean) => SESSION_COOKIES.some((name) => has(name));

/** The client's network address as the first proxy in front of us saw it. */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
