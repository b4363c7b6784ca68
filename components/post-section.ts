import { html, type Html } from "@/components/html";
import { postCard } from "@/components/post-card";
import type { TPostCard } from "@/lib/posts/selects";

/** A titled section of post cards, as markup (home, category, tag and post pages); nothing when there are none. */
export function postSection(id: string, title: string, posts: TPostCard[], layout: "grid" | "list" = "grid"): Html | null {
  if (posts.length === 0) return null;
  return html`<section aria-labelledby="${id}"><h2 id="${id}" class="mb-4 text-xl font-semibold">${title}</h2><div class="${layout === "grid" ? "grid gap-4 sm:grid-cols-2" : "space-y-4"}">${posts.map((post) => postCard(post))}</div></section>`;
}
