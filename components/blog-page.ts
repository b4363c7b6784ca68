// A blog's page in the directory, as markup (decision 012): the React page
// (app/(site)/blogs/[slug]/page.tsx) renders it for members and under `next dev`, and the door
// writes it into a document for visitors (lib/page-cache/documents.ts).
import { getListingPage } from "@/lib/listings/queries";
import { ZListingSlug, ZPostCursor } from "@/lib/listings/schemas";
import { isWebAddress, socialLabel, socialLinksOf } from "@/lib/listings/social-links";
import { businessBadgeHtml } from "./business-badge";
import { formatDate, formatPostingRate, languageName } from "./format";
import { html, type Html } from "./html";
import { breadcrumbList, jsonLdScript, siteUrl } from "./json-ld";
import { listingIconHtml } from "./listing-icon";
import type { PageMeta } from "./page-meta";
import { postCard } from "./post-card";
import { type DocumentAssets, pageDocument } from "./site-shell";
import { subscribeBox, type SubscribeState } from "./subscribe-box";
import { verifiedBadgeHtml } from "./verified-badge";

/** Posts a page: a grid of two columns, six rows; older ones are a link away. */
const POSTS_PER_PAGE = 12;

export type BlogPageData = NonNullable<Awaited<ReturnType<typeof getListingPage>>> & { before?: string };
type Listing = BlogPageData["listing"];

/**
 * The listing and a page of its posts (older than `before`, a cursor, as the query gives it: given
 * twice, it is no cursor), in one query; null for no such page.
 */
export async function loadBlogPage(rawSlug: string, beforeParam: string | string[] | undefined): Promise<BlogPageData | null> {
  const rawBefore = typeof beforeParam === "string" ? beforeParam : undefined;
  const slug = ZListingSlug.safeParse(rawSlug);
  const before = rawBefore === undefined ? undefined : ZPostCursor.safeParse(rawBefore);
  if (!slug.success || (before && !before.success)) return null;
  const page = await getListingPage(slug.data, POSTS_PER_PAGE, before?.data);
  return page && { ...page, before: rawBefore };
}

export const blogCacheTags = (listing: Listing) => [`blog:${listing.id}`];

export const BLOG_PAGE_CLASS = "grid gap-10 lg:grid-cols-[2fr_1fr]";

export function blogMeta(listing: Listing): PageMeta {
  const description = listing.description ?? undefined;
  return {
    title: listing.name,
    description,
    feeds: [
      { type: "application/rss+xml", url: `/blogs/${listing.slug}/rss.xml`, title: `${listing.name} (RSS)` },
      { type: "application/atom+xml", url: `/blogs/${listing.slug}/atom.xml`, title: `${listing.name} (Atom)` },
    ],
    social: { type: "website", title: listing.name, description, image: { path: `/blogs/${listing.slug}/image`, alt: "A blog listed on BlogAtlas" } },
  };
}

const LINK = "text-teal-800 underline dark:text-teal-300";
const QUIET_LINK = "text-stone-600 underline dark:text-stone-400";

/** One fact of the side panel; nothing when it has no value. */
const fact = (term: string, value: Html | string | false | null | undefined) => value && html`<div><dt class="font-semibold">${term}</dt><dd>${value}</dd></div>`;

/**
 * Inside the page's grid: the blog (name, badges, description, its own address), a page of its
 * posts with the way to older ones, and the side panel: subscribing, a Business profile's call to
 * action, the facts (categories, tags, language, posting frequency, feed health, ownership, a
 * Business profile's contact and social links), its feeds, claiming and reporting.
 */
export function blogMain({ listing, posts, older, before }: BlogPageData, { nonce, subscribe }: { nonce: string; subscribe: SubscribeState }): Html {
  const business = listing.tier === "BUSINESS";
  const base = `/blogs/${listing.slug}`;
  const social = socialLinksOf(listing.socialLinks);
  // The blog itself (its own address: the original keeps the credit), and where it sits in the directory.
  const jsonLd = [
    jsonLdScript({
      "@type": "Blog",
      name: listing.name,
      url: listing.siteUrl,
      mainEntityOfPage: siteUrl(base),
      ...(listing.description ? { description: listing.description } : {}),
      ...(listing.language ? { inLanguage: listing.language } : {}),
      ...(listing.iconUrl ? { image: listing.iconUrl } : {}),
    }),
    jsonLdScript(breadcrumbList([...listing.categories.slice(0, 1).map((entry): [string, string] => [entry.category.name, `/categories/${entry.category.slug}`]), [listing.name, base]])),
  ];
  const picture =
    business && listing.logoUrl
      ? html`<img src="${listing.logoUrl}" alt="${listing.name} logo" height="64" class="h-16 w-auto max-w-40 shrink-0 rounded-lg object-contain"/>`
      : listingIconHtml(listing.name, listing.iconUrl, 64);
  const header = html`<header class="flex items-start gap-4">${picture}<div><h1 class="flex flex-wrap items-center gap-2 text-3xl font-bold tracking-tight">${listing.name}${business && businessBadgeHtml}${listing.verifiedAt && verifiedBadgeHtml("text-sm")}</h1>${listing.description && html`<p class="mt-2 text-lg text-stone-600 dark:text-stone-300">${listing.description}</p>`}${
    // Checked as http(s) when it was accepted; a row from before that is not linked.
    isWebAddress(listing.siteUrl) && html`<p class="mt-2 text-sm"><a href="${listing.siteUrl}" rel="${business ? "sponsored noopener" : "noopener"}" class="${LINK}">Visit ${new URL(listing.siteUrl).host}</a></p>`
  }</div></header>`;
  const list =
    posts.length === 0
      ? html`<p class="text-stone-600 dark:text-stone-300">${listing.mirrorMode === "NONE" ? "The owner of this blog asked us not to mirror its posts. Visit the blog to read them." : "No posts mirrored yet."}</p>`
      : html`<div class="grid gap-4 sm:grid-cols-2">${posts.map((post) => postCard(post, { showBlog: false }))}</div>`;
  const pages =
    (before || older) &&
    html`<nav aria-label="Post pages" class="mt-6 flex gap-4 text-sm font-semibold">${before && html`<a href="${base}" class="${LINK}">← Latest posts</a>`}${older && html`<a href="${base}?before=${older.publishedAt.getTime()}_${older.id}" class="${LINK}">Older posts →</a>`}</nav>`;
  const linkList = (links: Array<{ href: string; name: string }>) => links.map((link) => html`<a href="${link.href}" class="underline">${link.name}</a>`);
  const facts = html`<dl class="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-700 dark:bg-stone-900"><div><dt class="font-semibold">Categories</dt><dd class="flex flex-wrap gap-x-2">${
    listing.categories.length === 0 ? "none yet" : linkList(listing.categories.map(({ category }) => ({ href: `/categories/${category.slug}`, name: category.name })))
  }</dd></div>${listing.tags.length > 0 && html`<div><dt class="font-semibold">Tags</dt><dd class="flex flex-wrap gap-x-2">${linkList(listing.tags.map(({ tag }) => ({ href: `/tags/${tag.slug}`, name: tag.name })))}</dd></div>`}${fact("Language", listing.language && languageName(listing.language))}${fact(
    "Posting frequency",
    formatPostingRate(listing.postsPerWeek),
  )}${fact(
    "Feed health",
    listing.dormantSince
      ? `Dormant since ${formatDate(listing.dormantSince)}: the feed stopped answering; its archive stays here.`
      : listing.lastSuccessAt
        ? `Read successfully on ${formatDate(listing.lastSuccessAt)}`
        : "Not read yet",
  )}${fact("Ownership", listing.verifiedAt ? `Verified on ${formatDate(listing.verifiedAt)}` : "Not claimed yet")}${fact(
    "Contact",
    business && listing.contactEmail && html`<a href="mailto:${listing.contactEmail}" class="underline">${listing.contactEmail}</a>`,
  )}${fact(
    "Elsewhere",
    // A paid profile's links are paid placements.
    business && social.length > 0 && html`<ul class="flex flex-wrap gap-x-3">${social.map((address) => html`<li><a href="${address}" rel="sponsored noopener" class="underline">${socialLabel(address)}</a></li>`)}</ul>`,
  )}</dl>`;
  const aside = html`<aside class="space-y-6 text-sm">${subscribeBox(listing, base, subscribe, nonce)}${
    business && listing.ctaLabel && listing.ctaUrl && html`<a href="${listing.ctaUrl}" rel="sponsored noopener" class="block rounded-lg bg-teal-700 px-4 py-3 text-center font-semibold text-white hover:bg-teal-800">${listing.ctaLabel}</a>`
  }${facts}<p class="flex gap-3"><a href="${base}/rss.xml" class="${QUIET_LINK}">RSS</a><a href="${base}/atom.xml" class="${QUIET_LINK}">Atom</a></p><p class="flex flex-wrap gap-3"><a href="${base}/claim" class="${QUIET_LINK}">Is this your blog? Claim it</a><a href="/report?blog=${listing.slug}" class="${QUIET_LINK}">Report this blog</a></p></aside>`;
  return html`${jsonLd}<div>${header}<section aria-labelledby="posts" class="mt-10"><h2 id="posts" class="mb-4 text-xl font-semibold">${before ? "Older posts" : "Latest posts"}</h2>${list}${pages}</section></div>${aside}`;
}

/** The whole blog page for a visitor, written without React (decision 012). */
export function blogDocument(page: BlogPageData, { nonce, subscribe, assets }: { nonce: string; subscribe: SubscribeState; assets: DocumentAssets }): string {
  const main = html`<div class="${BLOG_PAGE_CLASS}">${blogMain(page, { nonce, subscribe })}</div>`;
  return pageDocument({ meta: blogMeta(page.listing), cacheTags: blogCacheTags(page.listing), main, nonce, assets });
}
