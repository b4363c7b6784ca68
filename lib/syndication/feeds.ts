// Feeds out: RSS 2.0 and Atom 1.0 of a listing's mirror and of a category, and OPML of a category.
// Items link to our post page and name the original; the content is the excerpt, never the
// mirrored full text, so readers are sent on to the blogger.
import "server-only";
import { generateAtomFeed, generateRssFeed } from "feedsmith";
import { db } from "@/lib/db";
import { writeOpml } from "@/lib/ingest/opml";
import { publicListingWhere } from "@/lib/listings/queries";
import { getCategory } from "@/lib/categories/queries";
import { categoryPostsWhere, publicPostWhere } from "@/lib/posts/queries";
import { escapeHtml } from "@/lib/html";

export const FEED_ITEMS = 30;

type Channel = { title: string; description: string; pageUrl: string; selfUrl: string };
type Item = { id: string; title: string; url: string; excerpt: string; publishedAt: Date; updatedAt: Date; authors: string[]; blog: { name: string } };


function itemHtml(item: Item): string {
  return `<p>${escapeHtml(item.excerpt)}</p><p>First published on ${escapeHtml(item.blog.name)}: <a href="${escapeHtml(item.url)}">read the original post</a>.</p>`;
}

export function renderFeed(format: "rss" | "atom", channel: Channel, items: Item[], appUrl: string): string {
  const postUrl = (item: Item) => new URL(`/posts/${item.id}`, appUrl).href;
  const updated = items.reduce((latest, item) => (item.updatedAt > latest ? item.updatedAt : latest), new Date(0));
  if (format === "atom") {
    return generateAtomFeed({
      id: channel.selfUrl,
      title: { value: channel.title },
      subtitle: { value: channel.description },
      updated: items.length ? updated : new Date(),
      links: [
        { href: channel.selfUrl, rel: "self", type: "application/atom+xml" },
        { href: channel.pageUrl, rel: "alternate", type: "text/html" },
      ],
      entries: items.map((item) => ({
        id: postUrl(item),
        title: { value: item.title },
        updated: item.updatedAt,
        published: item.publishedAt,
        links: [
          { href: postUrl(item), rel: "alternate", type: "text/html" },
          { href: item.url, rel: "related", type: "text/html" },
        ],
        authors: (item.authors.length ? item.authors : [item.blog.name]).map((name) => ({ name })),
        summary: { value: itemHtml(item), type: "html" },
      })),
    }) as string;
  }
  return generateRssFeed({
    title: channel.title,
    link: channel.pageUrl,
    description: channel.description,
    lastBuildDate: items.length ? updated : new Date(),
    atom: { links: [{ href: channel.selfUrl, rel: "self", type: "application/rss+xml" }] },
    items: items.map((item) => ({
      title: item.title,
      link: postUrl(item),
      guid: { value: postUrl(item), isPermaLink: true },
      pubDate: item.publishedAt,
      description: itemHtml(item),
      ...(item.authors.length ? { dc: { creators: item.authors } } : {}),
    })),
  }) as string;
}

const itemSelect = { id: true, title: true, url: true, excerpt: true, publishedAt: true, updatedAt: true, authors: true, blog: { select: { name: true } } } as const;

export async function listingFeedData(slug: string) {
  const listing = await db.blog.findFirst({ where: { slug, ...publicListingWhere }, select: { id: true, name: true, description: true, slug: true, mirrorMode: true } });
  if (!listing) return null;
  const items = listing.mirrorMode === "NONE" ? [] : await db.post.findMany({ where: { ...publicPostWhere, blogId: listing.id }, select: itemSelect, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: FEED_ITEMS });
  return { title: `${listing.name} on BlogAtlas`, description: listing.description ?? `The latest posts of ${listing.name}`, path: `/blogs/${listing.slug}`, items };
}

/** A category and the ids of it and its subcategories. */
async function categoryWithChildren(slug: string) {
  const category = await getCategory(slug);
  return category ? { ...category, ids: [category.id, ...category.children.map((child) => child.id)] } : null;
}

export async function categoryFeedData(slug: string) {
  const category = await categoryWithChildren(slug);
  if (!category) return null;
  const items = await db.post.findMany({
    where: categoryPostsWhere(category.ids),
    select: itemSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: FEED_ITEMS,
  });
  return { title: `${category.name} blogs on BlogAtlas`, description: category.description ?? `The latest posts in ${category.name}`, path: `/search?category=${category.slug}`, items };
}

export async function categoryOpml(slug: string): Promise<string | null> {
  const category = await categoryWithChildren(slug);
  if (!category) return null;
  const blogs = await db.blog.findMany({
    where: { ...publicListingWhere, categories: { some: { categoryId: { in: category.ids } } } },
    select: { name: true, feedUrl: true, siteUrl: true, description: true },
    orderBy: { name: "asc" },
  });
  return writeOpml(`BlogAtlas: ${category.name}`, blogs);
}
