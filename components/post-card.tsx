import Link from "next/link";
import type { TPostCard } from "@/lib/posts/selects";
import { formatDate } from "./format";

export function PostCard({ post, showBlog = true }: { post: TPostCard; showBlog?: boolean }) {
  return (
    <article className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <h3 className="font-semibold leading-snug">
        <Link href={`/posts/${post.id}`} className="hover:underline">
          {post.title}
        </Link>
      </h3>
      <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">
        {showBlog && (
          <>
            <Link href={`/blogs/${post.blog.slug}`} className="hover:underline">
              {post.blog.name}
            </Link>
            {" · "}
          </>
        )}
        <time dateTime={post.publishedAt.toISOString()}>{formatDate(post.publishedAt)}</time>
        {` · ${post.readingMinutes} min read`}
      </p>
      <p className="mt-2 line-clamp-3 text-sm text-stone-700 dark:text-stone-300">{post.excerpt}</p>
    </article>
  );
}
