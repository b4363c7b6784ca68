import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/guards";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(process.env.APP_URL ?? "http://localhost:3000"),
  title: { default: "BlogAtlas: the blog directory", template: "%s · BlogAtlas" },
  description: "Discover independent blogs by topic, read their latest posts, and follow the ones you like.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page, the 404 page included, render per request, so Next
  // can put this request's CSP nonce (set by proxy.ts) on its scripts.
  await headers();
  // Visitors without a session cookie cost no query (and get the cached pages); members see their name.
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased dark:bg-stone-950 dark:text-stone-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 focus:text-stone-900">
          Skip to content
        </a>
        <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
          <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
            <Link href="/" className="text-xl font-bold tracking-tight">
              Blog<span className="text-teal-700 dark:text-teal-400">Atlas</span>
            </Link>
            <form action="/search" method="get" role="search" className="flex max-w-sm flex-1 gap-2">
              <label htmlFor="site-search" className="sr-only">
                Search blogs and posts
              </label>
              <input
                id="site-search"
                type="search"
                name="q"
                placeholder="Search blogs and posts"
                className="w-full rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm dark:border-stone-600 dark:bg-stone-900"
              />
              <button type="submit" className="rounded-lg bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-800">
                Search
              </button>
            </form>
            {user ? (
              <span className="flex items-center gap-4">
                {user.role === "ADMIN" && (
                  <Link href="/admin" className="text-sm font-semibold underline-offset-4 hover:underline">
                    Admin
                  </Link>
                )}
                <Link href="/account" className="text-sm font-semibold underline-offset-4 hover:underline">
                  {user.name ?? user.email}
                </Link>
              </span>
            ) : (
              <Link href="/signin" className="text-sm font-semibold underline-offset-4 hover:underline">
                Sign in
              </Link>
            )}
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-stone-200 py-6 text-center text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400">
          <p>Every post here is mirrored from its blog with full credit and a link to the original.</p>
          <p className="mt-2 space-x-4">
            {/* Not prefetched: every visitor's page would otherwise fetch these two as well. */}
            <Link href="/submit" prefetch={false} className="underline-offset-4 hover:underline">
              List your blog
            </Link>
            <Link href="/pricing" prefetch={false} className="underline-offset-4 hover:underline">
              Business Listings
            </Link>
          </p>
        </footer>
      </body>
    </html>
  );
}
