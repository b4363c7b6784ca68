// The frame of every page: the skip link and header above, the footer below. Written as markup so
// that the root layout (through HtmlBlock) and the documents the door writes without React
// (pageDocument, below; decision 012) share one copy of it.
import { html, type Html, htmlText, trustedHtml } from "./html";
import { headMarkup, type PageMeta } from "./page-meta";

/** Who the header names: nobody (a visitor), or the member signed in. */
export type ShellUser = { name: string | null; email: string; role: string } | null;

export const BODY_CLASS = "min-h-screen bg-stone-50 text-stone-900 antialiased dark:bg-stone-950 dark:text-stone-100";
export const MAIN_CLASS = "mx-auto max-w-6xl px-4 py-8";

const NAV_LINK = "text-sm font-semibold underline-offset-4 hover:underline";

/** The skip link and the site header: the name home, the search box, then sign-in or the member's links. */
export function siteHeader(user: ShellUser): Html {
  const account = user
    ? html`<span class="flex items-center gap-4">${user.role === "ADMIN" && html`<a href="/admin" class="${NAV_LINK}">Admin</a>`}<a href="/account" class="${NAV_LINK}">${user.name ?? user.email}</a></span>`
    : html`<a href="/signin" class="${NAV_LINK}">Sign in</a>`;
  return html`<a href="#main" class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 focus:text-stone-900">Skip to content</a><header class="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900"><div class="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3"><a href="/" class="text-xl font-bold tracking-tight">Blog<span class="text-teal-700 dark:text-teal-400">Atlas</span></a><form action="/search" method="get" role="search" class="flex max-w-sm flex-1 gap-2"><label for="site-search" class="sr-only">Search blogs and posts</label><input id="site-search" type="search" name="q" placeholder="Search blogs and posts" class="w-full rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm dark:border-stone-600 dark:bg-stone-900"/><button type="submit" class="rounded-lg bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-800">Search</button></form>${account}</div></header>`;
}

/** The footer: the promise of credit, and the two ways in for bloggers. */
export function siteFooter(): Html {
  return html`<footer class="border-t border-stone-200 py-6 text-center text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400"><p>Every post here is mirrored from its blog with full credit and a link to the original.</p><p class="mt-2 space-x-4"><a href="/submit" class="underline-offset-4 hover:underline">List your blog</a><a href="/pricing" class="underline-offset-4 hover:underline">Business Listings</a></p></footer>`;
}

/** What the build names and hashes, which every page links in its head: the stylesheet and the icon. */
export type DocumentAssets = { headLinks: string };

/**
 * A whole page for a visitor, as the root layout renders one with React (header with "Sign in"):
 * the head (the build's links, the page cache's tags, the page's own meta) and `main` in the frame.
 * `nonce` goes on the page's scripts and the build's links.
 */
export function pageDocument({ meta, cacheTags, main, nonce, assets }: { meta: PageMeta; cacheTags: string[]; main: Html; nonce: string; assets: DocumentAssets }): string {
  const head = html`<meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>${trustedHtml(assets.headLinks.replaceAll("{nonce}", nonce))}<meta name="blogatlas-cache-tags" content="${cacheTags.join(" ")}"/>${headMarkup(meta)}`;
  const body = html`<body class="${BODY_CLASS}"><div>${siteHeader(null)}</div><main id="main" class="${MAIN_CLASS}">${main}</main><div>${siteFooter()}</div></body>`;
  return `<!DOCTYPE html><html lang="en"><head>${htmlText(head)}</head>${htmlText(body)}</html>`;
}
