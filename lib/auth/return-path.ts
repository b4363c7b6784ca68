/** Where to go after signing in: a path on this site only (never another host: no open redirect). */
export function safeReturnPath(raw: string | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/account";
  return raw;
}
