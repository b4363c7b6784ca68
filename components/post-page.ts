// The mirrored post page, as markup (decision 012). The same markup is the article of the React
// page (app/(site)/posts/[id]/page.tsx: members, `next dev`) and of the document the door writes
// for visitors without Next or React (postDocument below, served by lib/page-cache/documents.ts).
import type { TPostCard, TPostPage } from "@/lib/posts/selects";
import { formatDate } from "./format";
import { html, type Html, trustedHtml } from "./html";
import { breadcrumbList, jsonLdScript, siteUrl } from "./json-ld";
import { postSection } from "./post-section";
import { shareSection } from "./share-links";
import type { PageMeta } from "./page-meta";
import { type DocumentAssets, pageDocument } from "./site-shell";
import { subscribeBox, type SubscribeState } from "./subscribe-box";

export type PostPageData = { post: TPostPage; related: TPostCard[] };

/** The tags of the page cache a post page shows (lib/page-cache). */
export const postCacheTags = (post: TPostPage) => [`blog:${post.blog.id}`, `post:${post.id}`];

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
  return html`${jsonLdScript(postJsonLd(post))}${jsonLdScript(breadcrumbList([[post.blog.name, blogPath], [post.title, `/posts/${post.id}`]]))}${banner}<header><h1 class="text-3xl font-bold leading-tight tracking-tight sm:text-4xl">${post.title}</h1><p class="mt-3 text-sm text-stone-600 dark:text-stone-300">${byline}<time datetime="${post.publishedAt.toISOString()}">${formatDate(post.publishedAt)}</time> · <a href="${blogPath}" class="underline">${post.blog.name}</a>${updated}</p></header>${body}<p class="mt-10 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">This post first appeared on <a href="${blogPath}" class="font-semibold underline">${post.blog.name}</a>, please read the original post: <a href="${original}" class="font-semibold text-teal-800 underline dark:text-teal-300">here<span class="sr-only">: ${post.title}, on ${post.blog.name}</span></a></p>${shareSection(siteUrl(`/posts/${post.id}`), post.title, nonce)}${subscribeBox(post.blog, `/posts/${post.id}`, subscribe, nonce)}${relatedSection && html`<div class="mt-10">${relatedSection}</div>`}<p class="mt-10 text-sm"><a href="/report?blog=${post.blog.slug}&post=${post.id}" class="text-stone-600 underline dark:text-stone-400">Report this post</a></p>`;
}

/** What the post page says about itself: the original as canonical, its card for social sites. */
export function postMeta(post: TPostPage): PageMeta {
  return {
    title: `${post.title} (${post.blog.name})`,
    description: post.excerpt,
    // The original keeps the search credit: canonical points at the blogger's own page.
    canonical: post.url,
    social: { type: "article", title: post.title, description: post.excerpt, image: { path: `/posts/${post.id}/image`, alt: "A post mirrored on BlogAtlas" }, publishedTime: post.publishedAt.toISOString(), authors: post.authors },
  };
}

/** The whole post page for a visitor, written without React (decision 012). */
export function postDocument(page: PostPageData, { nonce, subscribe, assets }: { nonce: string; subscribe: SubscribeState; assets: DocumentAssets }): string {
  const main = html`<article class="${ARTICLE_CLASS}">${postArticle(page, { nonce, subscribe })}</article>`;
  return pageDocument({ meta: postMeta(page.post), cacheTags: postCacheTags(page.post), main, nonce, assets });
}
