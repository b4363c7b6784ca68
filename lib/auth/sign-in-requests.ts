// The door in front of next-auth's e-mail sign-in: a cross-site POST is refused; an odd address
// is refused; more than a few links per address or per network address in an hour answer 429.
// Known and unknown addresses get the same answers (security.md 13-15).
import "server-only";
import { loadSettings } from "@/lib/env";
import { hitAll, type Limit } from "@/lib/rate-limit";
import { ZSignInEmail } from "./email-address";
import { clientAddress } from "./request-identity";

export const LINKS_PER_ADDRESS: Limit = { max: 5, windowMs: 3_600_000 };
// Generous enough for an office behind one address, tight enough to stop a mail bomb.
export const LINKS_PER_NETWORK_ADDRESS: Limit = { max: 30, windowMs: 3_600_000 };

/** Whether a state-changing request comes from our own pages (Origin, else Referer, must be ours). */
export function isSameOrigin(request: Request): boolean {
  const appOrigin = new URL(loadSettings().APP_URL).origin;
  const own = new Set([appOrigin, new URL(request.url).origin]);
  const origin = request.headers.get("origin");
  if (origin) return own.has(origin);
  const referer = request.headers.get("referer");
  if (!referer) return false;
  try {
    return own.has(new URL(referer).origin);
  } catch {
    return false;
  }
}

/** null when next-auth may go on; otherwise the answer to send (next-auth's JSON shape: a URL naming the error). */
export async function screenEmailSignIn(request: Request): Promise<Response | null> {
  const signInUrl = new URL("/signin", loadSettings().APP_URL);
  const refuse = (error: string, status: number, headers: Record<string, string> = {}) => {
    signInUrl.searchParams.set("error", error);
    return Response.json({ url: signInUrl.href }, { status, headers });
  };
  if (!isSameOrigin(request)) return refuse("CrossSite", 403);
  const form = await request.clone().formData().catch(() => null);
  const email = ZSignInEmail.safeParse(form?.get("email") ?? "");
  if (!email.success) return refuse("EmailInvalid", 400);
  const limited = await hitAll([
    [`signin:email:${email.data}`, LINKS_PER_ADDRESS],
    [`signin:ip:${clientAddress(request.headers)}`, LINKS_PER_NETWORK_ADDRESS],
  ]);
  if (!limited.ok) return refuse("RateLimited", 429, { "retry-after": String(limited.retryAfterSeconds) });
  return null;
}
