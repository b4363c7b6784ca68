import type { TPostCard } from "@/lib/posts/selects";
import { formatDate } from "./format";
import { html, type Html } from "./html";

/** A post in a list (home, category, blog and post pages), as markup: see components/html.tsx for why not JSX. */
export function postCard(post: TPostCard, { showBlog = true }: { showBlog?: boolean } = {}): Html {
  const blog = showBlog && html`<a href="/blogs/${post.blog.slug}" class="hover:underline">${post.blog.name}</a> · `;
  return html`<article class="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-700 dark:bg-stone-900"><h3 class="font-semibold leading-snug"><a href="/posts/${post.id}" class="hover:underline">${post.title}</a></h3><p class="mt-1 text-xs text-stone-500 dark:text-stone-400">${blog}<time datetime="${post.publishedAt.toISOString()}">${formatDate(post.publishedAt)}</time> · ${post.readingMinutes} min read</p><p class="mt-2 line-clamp-3 text-sm text-stone-700 dark:text-stone-300">${post.excerpt}</p></article>`;
}
