import { CacheTags } from "@/components/cache-tags";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { formatDate } from "@/components/format";
import { breadcrumbList, JsonLd, siteUrl } from "@/components/json-ld";
import { PostSection } from "@/components/post-section";
import { ShareLinks } from "@/components/share-links";
import { SubscribeForm } from "@/components/subscribe-form";
import { getPublicPostPage } from "@/lib/posts/queries";
import { ZPostId } from "@/lib/posts/schemas";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// The post and its related posts in one query, shared by the metadata and the page.
const loadPost = cache(async (rawId: string) => {
  const id = ZPostId.safeParse(rawId);
  return id.success ? getPublicPostPage(id.data) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = (await loadPost((await params).id))?.post;
  if (!post) return {};
  // The original keeps the search credit: canonical points at the blogger's own page.
  return {
    title: `${post.title} (${post.blog.name})`,
    description: post.excerpt,
    alternates: { canonical: post.url },
    openGraph: { type: "article", title: post.title, description: post.excerpt, siteName: "BlogAtlas", publishedTime: post.publishedAt.toISOString(), authors: post.authors },
    twitter: { card: "summary_large_image", title: post.title, description: post.excerpt },
  };
}

export default async function PostPage({ params }: Props) {
  const page = await loadPost((await params).id);
  if (!page) notFound();
  const { post, related } = page;
  const showFull = post.blog.mirrorMode === "FULL";
  // Structured data naming the original as the source: the blogger keeps the credit.
  const jsonLd = {
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
  return (
    <article className="mx-auto max-w-3xl">
      <CacheTags tags={[`blog:${post.blog.id}`, `post:${post.id}`]} />
      <JsonLd data={jsonLd} />
      <JsonLd data={breadcrumbList([[post.blog.name, `/blogs/${post.blog.slug}`], [post.title, `/posts/${post.id}`]])} />
      {post.blog.tier === "FREE" && (
        <p className="mb-6 rounded-lg bg-teal-50 px-4 py-3 text-sm font-medium text-teal-900 dark:bg-teal-950 dark:text-teal-100">
          {/* To the owner the pricing page offers this listing's upgrade; to anyone else, listing their own blog. */}
          <Link href={`/pricing?listing=${post.blog.slug}`} prefetch={false} className="hover:underline">
            Get Even More Visitors To Your Blog, Upgrade To A Business Listing &gt;&gt;
          </Link>
        </p>
      )}
      <header>
        <h1 className="text-3xl font-bold leading-tight tracking-tight sm:text-4xl">{post.title}</h1>
        <p className="mt-3 text-sm text-stone-600 dark:text-stone-300">
          {post.authors.length > 0 && <>By {post.authors.join(", ")} · </>}
          <time dateTime={post.publishedAt.toISOString()}>{formatDate(post.publishedAt)}</time>
          {" · "}
          <Link href={`/blogs/${post.blog.slug}`} className="underline">
            {post.blog.name}
          </Link>
          {post.feedUpdatedAt && <> · updated {formatDate(post.feedUpdatedAt)}</>}
        </p>
      </header>
      {showFull ? (
        <div className="prose prose-stone mt-8 max-w-none dark:prose-invert" dangerouslySetInnerHTML={{ __html: post.contentHtml }} />
      ) : (
        <p className="mt-8 text-lg">{post.excerpt}</p>
      )}
      <p className="mt-10 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
        This post first appeared on{" "}
        <Link href={`/blogs/${post.blog.slug}`} className="font-semibold underline">
          {post.blog.name}
        </Link>
        , please read the original post:{" "}
        <a href={post.url} className="font-semibold text-teal-800 underline dark:text-teal-300">
          here
          {/* Read by screen readers and search engines, which need a link to say where it goes (WCAG 2.4.4). */}
          <span className="sr-only">: {post.title}, on {post.blog.name}</span>
        </a>
      </p>
      <ShareLinks url={siteUrl(`/posts/${post.id}`)} title={post.title} />
      <SubscribeForm blogId={post.blog.id} blogName={post.blog.name} />
      <div className="mt-10">
        <PostSection id="related" title="Related posts" posts={related} />
      </div>
      <p className="mt-10 text-sm">
        <Link href={`/report?blog=${post.blog.slug}&post=${post.id}`} className="text-stone-600 underline dark:text-stone-400">
          Report this post
        </Link>
      </p>
    </article>
  );
}
