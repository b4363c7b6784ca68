import { snippetParts, type TBlogHit, type TPostHit } from "@/lib/search/queries";
import { businessBadgeHtml } from "./business-badge";
import { formatDate } from "./format";
import { html, type Html } from "./html";

// Search results as markup (components/html.tsx says why not JSX). Their links are plain links, as
// the cards' are (decision 011): a `next/link` in each result had Next prefetch every result's post
// page as it scrolled into view, each a request the page cache hands to Next.

const card = "rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-700 dark:bg-stone-900";

/** A matching post: its title, blog and date, and the snippet with the query's words marked. */
export function postHit(hit: TPostHit): Html {
  const snippet = snippetParts(hit.snippet).map((part) => (part.marked ? html`<mark class="rounded bg-amber-200 px-0.5 text-stone-900">${part.text}</mark>` : part.text));
  return html`<li class="${card}"><a href="/posts/${hit.id}" class="font-semibold hover:underline">${hit.title}</a><p class="mt-1 text-xs text-stone-500 dark:text-stone-400"><a href="/blogs/${hit.blogSlug}" class="hover:underline">${hit.blogName}</a> · <time datetime="${hit.publishedAt.toISOString()}">${formatDate(hit.publishedAt)}</time></p><p class="mt-2 text-sm text-stone-700 dark:text-stone-300">${snippet}</p></li>`;
}

/** A blog whose name matches: Business Listings labelled. */
export function blogHit(blog: TBlogHit): Html {
  return html`<li class="${card}"><a href="/blogs/${blog.slug}" class="font-semibold hover:underline">${blog.name}</a>${blog.tier === "BUSINESS" && html` ${businessBadgeHtml}`}${blog.description && html`<p class="mt-1 line-clamp-2 text-sm text-stone-600 dark:text-stone-300">${blog.description}</p>`}</li>`;
}
