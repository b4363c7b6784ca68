// The one chain of guards every protected page, action and route handler goes through
// (house-style.md): who is asking (from the database session, checked on every request, so a
// ban or a deleted session takes effect at once), then what they may do. A visitor without the
// right sees a 404 for admin and tenant resources: nothing says they exist.
import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./options";
import { hasSessionCookie } from "./request-identity";
import { isSameOrigin } from "./sign-in-requests";

export type CurrentUser = { id: string; email: string; name: string | null; role: "USER" | "ADMIN" };

/** The signed-in user, or null (no session, an expired one, or a banned user). One query per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  if (!hasSessionCookie((name) => jar.has(name))) return null; // visitors cost no query
  const session = await getServerSession(authOptions());
  const user = session?.user as (CurrentUser & { bannedAt: Date | string | null }) | undefined;
  if (!user?.id || user.bannedAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** Pages and actions for signed-in users: a visitor is sent to sign in and brought back. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Admin pages and actions: anyone else gets a 404 (security.md 11). */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || user.role !== "ADMIN") notFound();
  return user;
}

/**
 * Route handlers that change something for a signed-in user: a cross-site request is refused (403),
 * a visitor told to sign in (401); otherwise the user. Same chain as pages and actions.
 */
export async function requireUserForRoute(request: Request): Promise<{ user: CurrentUser } | { refused: Response }> {
  if (!isSameOrigin(request)) return { refused: Response.json({ error: "cross-site request refused" }, { status: 403 }) };
  const user = await getCurrentUser();
  if (!user) return { refused: Response.json({ error: "sign in first" }, { status: 401 }) };
  return { user };
}

/** An answer as JSON with its status; a rate-limited one is a 429 with Retry-After. */
export function answerWith(answer: { kind: string; retryAfterSeconds?: number }, status: number): Response {
  if (answer.retryAfterSeconds) return Response.json(answer, { status: 429, headers: { "retry-after": String(answer.retryAfterSeconds) } });
  return Response.json(answer, { status });
}
