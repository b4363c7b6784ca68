// next-auth 4 for the App Router: database sessions through the Prisma adapter, e-mail magic
// links (our own mail and address rules), GitHub and Google when their settings are present.
// The first admins come from ADMIN_EMAILS: they are made admins when they sign in.
import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { db } from "@/lib/db";
import { loadSettings, type TSettings } from "@/lib/env";
import { ZSignInEmail } from "./email-address";
import { sendMagicLink } from "./magic-link-mail";

export const MAGIC_LINK_MINUTES = 15;

const emailProvider = () =>
  EmailProvider({
    maxAge: MAGIC_LINK_MINUTES * 60,
    // A request for an odd address never reaches this far (the route refuses it first); this is the backstop.
    normalizeIdentifier: (identifier) => {
      const parsed = ZSignInEmail.safeParse(identifier);
      if (!parsed.success) throw new Error("not a plain e-mail address");
      return parsed.data;
    },
    sendVerificationRequest: ({ identifier, url, expires }) => sendMagicLink(identifier, url, expires),
  });

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const settings = loadSettings();
  // next-auth builds its links (the magic link, redirects) from NEXTAUTH_URL: ours is APP_URL.
  process.env.NEXTAUTH_URL ??= settings.APP_URL;
  cached = buildAuthOptions(settings);
  return cached;
}

/** The options for these settings: each sign-in method is on exactly when its settings are present. */
export function buildAuthOptions(settings: TSettings): NextAuthOptions {
  const adminEmails = new Set(settings.ADMIN_EMAILS.map((email) => email.toLowerCase()));
  return {
    secret: settings.NEXTAUTH_SECRET,
    // The adapter is typed against @prisma/client; ours is generated elsewhere but has the same models.
    adapter: PrismaAdapter(db as never),
    session: { strategy: "database", maxAge: 30 * 24 * 3600, updateAge: 24 * 3600 },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    providers: [
      ...(settings.SMTP_URL ? [emailProvider()] : []),
      ...(settings.GITHUB_ID && settings.GITHUB_SECRET ? [GitHubProvider({ clientId: settings.GITHUB_ID, clientSecret: settings.GITHUB_SECRET })] : []),
      ...(settings.GOOGLE_ID && settings.GOOGLE_SECRET ? [GoogleProvider({ clientId: settings.GOOGLE_ID, clientSecret: settings.GOOGLE_SECRET })] : []),
    ],
    callbacks: {
      // A banned user cannot start a session (their existing ones end when they are banned).
      async signIn({ user }) {
        if (!user.email) return false;
        const existing = await db.user.findUnique({ where: { email: user.email.toLowerCase() }, select: { bannedAt: true } });
        return !existing?.bannedAt;
      },
      // With database sessions next-auth reads the session and its user row in one query on every
      // request; the guards take who the user is (role, ban) from here, so nothing reads it twice.
      session({ session, user }) {
        const row = user as typeof user & { role?: "USER" | "ADMIN"; bannedAt?: Date | null };
        return { ...session, user: { ...session.user, id: row.id, email: row.email, name: row.name ?? null, role: row.role ?? "USER", bannedAt: row.bannedAt ?? null } };
      },
    },
    events: {
      async signIn({ user }) {
        if (user.email && adminEmails.has(user.email.toLowerCase())) {
          await db.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
        }
      },
    },
  };
}

/** Sign-in methods switched on by this installation's settings, for the sign-in page. */
export function signInMethods(): { email: boolean; github: boolean; google: boolean } {
  const settings = loadSettings();
  return { email: Boolean(settings.SMTP_URL), github: Boolean(settings.GITHUB_ID), google: Boolean(settings.GOOGLE_ID) };
}
