import { loadSettings } from "@/lib/env";
import { type Html, trustedHtml } from "./html";

/** The script's JSON, "<" escaped so that no text can end it. */
const jsonLdText = (data: Record<string, unknown>) => JSON.stringify({ "@context": "https://schema.org", ...data }).replace(/</g, "\\u003c");

/** Structured data for search engines: one JSON-LD script, as markup. */
export const jsonLdScript = (data: Record<string, unknown>): Html => trustedHtml(`<script type="application/ld+json">${jsonLdText(data)}</script>`);

/** An address on this site, absolute (structured data and share links need the whole address). */
export const siteUrl = (path: string) => new URL(path, loadSettings().APP_URL).href;

/** schema.org BreadcrumbList from the home page down: [name, path] pairs. */
export function breadcrumbList(trail: Array<[name: string, path: string]>): Record<string, unknown> {
  return {
    "@type": "BreadcrumbList",
    itemListElement: [["BlogAtlas", "/"] as [string, string], ...trail].map(([name, path], index) => ({ "@type": "ListItem", position: index + 1, name, item: siteUrl(path) })),
  };
}
