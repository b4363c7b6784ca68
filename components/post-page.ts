// The mirrored post page, as markup (decision 012). The same markup is the article of the React
// page (app/(site)/posts/[id]/page.tsx: members, `next dev`) and of the document the door writes
// for visitors without Next or React (postDocument below, served by lib/page-cache/post-document.ts).
import type { TPostCard, TPostPage } from "@/lib/posts/selects";
import { formatDate } from "./format";
import { html, type Html, htmlText, trustedHtml } from "./html";
import { breadcrumbList, jsonLdScript, siteUrl } from "./json-ld";
import { postSection } from "./post-section";
import { shareSection } from "./share-links";
import { BODY_CLASS, MAIN_CLASS, siteFooter, siteHeader } from "./site-shell";
import { subscribeBox, type SubscribeState } from "./subscribe-box";

export type PostPageData = { post: TPostPage; related: TPostCard[] };

/** The post's Open Graph image (app/(site)/posts/[id]/image/route.tsx). */
export const POST_IMAGE = { width: 1200, height: 630, alt: "A post mirrored on BlogAtlas", type: "image/png" } as const;
export const postImagePath = (id: string) => `/posts/${id}/image`;

/** The tags of the page cache a post page shows (lib/page-cache). */
export const postCacheTags = (post: TPostPage) => [`blog:${post.blog.id}`, `post:${post.id}`];

/** The page's title before the site's " · BlogAtlas". */
export const postTitle = (post: TPostPage) => `${post.title} (${post.blog.name})`;

export const ARTICLE_CLASS = "mx-auto max-w-3xl";

/** Structured data naming the original as the source: the blogger keeps the credit. */
function postJsonLd(post: TPostPage): Record<string, unknown> {
  return {
    "@type": "BlogPosting",
    headline: post.title,
    datePublished: post.publishedAt.toISOString(),
    ...(post.feedUpdatedAt ? { dateModified: post.feedUpdatedAt.toISOString() } : {}),
    author: (post.authors.length ? post.authors : [post.blog.name]).map((name) => ({ "@type": "Person", name })),
    isBasedOn: post.url,
    mainEntityOfPage: post.url,
    url: siteUrl(`/posts/${post.id}`),
    ...(post.imageUrl ? { image: post.imageUrl } : {}),
    isPartOf: { "@type": "Blog", name: post.blog.name, url: post.blog.siteUrl },
  };
}

/**
 * Everything inside the page's <article>, in the order product.md gives: the upgrade banner on a
 * free listing, title, authors and date, the content (or the excerpt), the credit with the link to
 * the original, sharing, subscribing, related posts and the report link.
 */
export function postArticle({ post, related }: PostPageData, { nonce, subscribe }: { nonce: string; subscribe: SubscribeState }): Html {
  const blogPath = `/blogs/${post.blog.slug}`;
  // To the owner the pricing page offers this listing's upgrade; to anyone else, listing their own blog.
  const banner =
    post.blog.tier === "FREE" &&
    html`<p class="mb-6 rounded-lg bg-teal-50 px-4 py-3 text-sm font-medium text-teal-900 dark:bg-teal-950 dark:text-teal-100"><a href="/pricing?listing=${post.blog.slug}" class="hover:underline">Get Even More Visitors To Your Blog, Upgrade To A Business Listing &gt;&gt;</a></p>`;
  const byline = post.authors.length > 0 && html`By ${post.authors.join(", ")} · `;
  const updated = post.feedUpdatedAt && html` · updated ${formatDate(post.feedUpdatedAt)}`;
  const body =
    post.blog.mirrorMode === "FULL"
      ? html`<div class="prose prose-stone mt-8 max-w-none dark:prose-invert">${trustedHtml(post.contentHtml)}</div>`
      : html`<p class="mt-8 text-lg">${post.excerpt}</p>`;
  const relatedSection = postSection("related", "Related posts", related);
  // The feed reader keeps only http(s) links to originals; a row stored before it did is linked to its blog.
  const original = /^https?:\/\//i.test(post.url) ? post.url : blogPath;
  return html`${jsonLdScript(postJsonLd(post))}${jsonLdScript(breadcrumbList([[post.blog.name, blogPath], [post.title, `/posts/${post.id}`]]))}${banner}<header><h1 class="text-3xl font-bold leading-tight tracking-tight sm:text-4xl">${post.title}</h1><p class="mt-3 text-sm text-stone-600 dark:text-stone-300">${byline}<time datetime="${post.publishedAt.toISOString()}">${formatDate(post.publishedAt)}</time> · <a href="${blogPath}" class="underline">${post.blog.name}</a>${updated}</p></header>${body}<p class="mt-10 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">This post first appeared on <a href="${blogPath}" class="font-semibold underline">${post.blog.name}</a>, please read the original post: <a href="${original}" class="font-semibold text-teal-800 underline dark:text-teal-300">here<span class="sr-only">: ${post.title}, on ${post.blog.name}</span></a></p>${shareSection(siteUrl(`/posts/${post.id}`), post.title, nonce)}${subscribeBox(post.blog, post.id, subscribe, nonce)}${relatedSection && html`<div class="mt-10">${relatedSection}</div>`}<p class="mt-10 text-sm"><a href="/report?blog=${post.blog.slug}&post=${post.id}" class="text-stone-600 underline dark:text-stone-400">Report this post</a></p>`;
}

/** What the build names and hashes, which every page links in its head: the stylesheet and the icon. */
export type DocumentAssets = { headLinks: string };

/**
 * The whole post page for a visitor, as the React page would render it for one (header with
 * "Sign in"), with the same head: title, description, canonical at the original, Open Graph and
 * Twitter cards, the page cache's tags. `nonce` goes on the page's scripts and the build's links.
 */
export function postDocument(page: PostPageData, { nonce, subscribe, assets }: { nonce: string; subscribe: SubscribeState; assets: DocumentAssets }): string {
  const { post } = page;
  const image = siteUrl(postImagePath(post.id));
  const og = (property: string, content: string) => html`<meta property="${property}" content="${content}"/>`;
  const twitter = (name: string, content: string) => html`<meta name="${name}" content="${content}"/>`;
  const imageMeta = (prefix: string, tag: typeof og) => [tag(`${prefix}:image`, image), tag(`${prefix}:image:type`, POST_IMAGE.type), tag(`${prefix}:image:width`, String(POST_IMAGE.width)), tag(`${prefix}:image:height`, String(POST_IMAGE.height)), tag(`${prefix}:image:alt`, POST_IMAGE.alt)];
  const head = html`<meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>${trustedHtml(assets.headLinks.replaceAll("{nonce}", nonce))}<meta name="blogatlas-cache-tags" content="${postCacheTags(post).join(" ")}"/><title>${postTitle(post)} · BlogAtlas</title><meta name="description" content="${post.excerpt}"/><link rel="canonical" href="${post.url}"/>${og("og:title", post.title)}${og("og:description", post.excerpt)}${og("og:site_name", "BlogAtlas")}${imageMeta("og", og)}${og("og:type", "article")}${og("article:published_time", post.publishedAt.toISOString())}${post.authors.map((author) => og("article:author", author))}${twitter("twitter:card", "summary_large_image")}${twitter("twitter:title", post.title)}${twitter("twitter:description", post.excerpt)}${imageMeta("twitter", twitter)}`;
  const body = html`<body class="${BODY_CLASS}"><div>${siteHeader(null)}</div><main id="main" class="${MAIN_CLASS}"><article class="${ARTICLE_CLASS}">${postArticle(page, { nonce, subscribe })}</article></main><div>${siteFooter()}</div></body>`;
  return `<!DOCTYPE html><html lang="en"><head>${htmlText(head)}</head>${htmlText(body)}</html>`;
}
