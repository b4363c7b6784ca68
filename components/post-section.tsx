import { HtmlBlock } from "@/components/html";
import { postCard } from "@/components/post-card";
import type { TPostCard } from "@/lib/posts/selects";

/** A titled section of post cards (home, category and tag pages); nothing when there are none. */
export function PostSection({ id, title, posts, layout = "grid" }: { id: string; title: string; posts: TPostCard[]; layout?: "grid" | "list" }) {
  if (posts.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-4 text-xl font-semibold">
        {title}
      </h2>
      <HtmlBlock className={layout === "grid" ? "grid gap-4 sm:grid-cols-2" : "space-y-4"}>{posts.map((post) => postCard(post))}</HtmlBlock>
    </section>
  );
}
