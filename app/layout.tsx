import type { Metadata } from "next";
import { headers } from "next/headers";
import { HtmlBlock } from "@/components/html";
import { SITE_META } from "@/components/page-meta";
import { BODY_CLASS, MAIN_CLASS, siteFooter, siteHeader } from "@/components/site-shell";
import { getCurrentUser } from "@/lib/auth/guards";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(process.env.APP_URL ?? "http://localhost:3000"),
  // The home page's title and description, and every other page's when it names none.
  title: { default: SITE_META.title, template: "%s · BlogAtlas" },
  description: SITE_META.description,
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page, the 404 page included, render per request, so Next
  // can put this request's CSP nonce (set by proxy.ts) on its scripts.
  await headers();
  // Visitors without a session cookie cost no query (and get the cached pages); members see their name.
  // The header and footer are markup shared with the post documents (components/site-shell.ts).
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body className={BODY_CLASS}>
        <HtmlBlock>{siteHeader(user)}</HtmlBlock>
        <main id="main" className={MAIN_CLASS}>
          {children}
        </main>
        <HtmlBlock>{siteFooter()}</HtmlBlock>
      </body>
    </html>
  );
}
