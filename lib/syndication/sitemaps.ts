// sitemap.xml is an index of sitemaps of at most SITEMAP_CHUNK URLs each (the protocol's limit is
// 50,000), so it grows with the directory: pages, then blogs and posts in chunks by id.
import "server-only";
import { db } from "@/lib/db";
import { publicListingWhere } from "@/lib/listings/queries";
import { publicPostWhere } from "@/lib/posts/queries";

export const SITEMAP_CHUNK = 45_000;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export type SitemapName = { kind: "pages" } | { kind: "blogs" | "posts"; chunk: number };

export function parseSitemapName(name: string): SitemapName | null {
  if (name === "pages.xml") return { kind: "pages" };
  const match = name.match(/^(blogs|posts)-(\d{1,5})\.xml$/);
  return match ? { kind: match[1] as "blogs" | "posts", chunk: Number(match[2]) } : null;
}

export async function sitemapIndex(appUrl: string, chunk = SITEMAP_CHUNK): Promise<string> {
  const [blogs, posts] = await Promise.all([db.blog.count({ where: publicListingWhere }), db.post.count({ where: publicPostWhere })]);
  const names = ["pages.xml", ...Array.from({ length: Math.ceil(blogs / chunk) }, (_, i) => `blogs-${i}.xml`), ...Array.from({ length: Math.ceil(posts / chunk) }, (_, i) => `posts-${i}.xml`)];
  const entries = names.map((name) => `<sitemap><loc>${escapeXml(new URL(`/sitemaps/${name}`, appUrl).href)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join("")}</sitemapindex>\n`;
}

/** One sitemap, or null when the chunk does not exist. */
export async function sitemap(name: SitemapName, appUrl: string, chunk = SITEMAP_CHUNK): Promise<string | null> {
  let urls: Array<{ path: string; modified?: Date }>;
  if (name.kind === "pages") {
    const categories = await db.category.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
    urls = [{ path: "/" }, ...categories.map((category) => ({ path: `/categories/${category.slug}` }))];
  } else if (name.kind === "blogs") {
    const rows = await db.blog.findMany({ where: publicListingWhere, select: { slug: true, updatedAt: true }, orderBy: { id: "asc" }, skip: name.chunk * chunk, take: chunk });
    urls = rows.map((row) => ({ path: `/blogs/${row.slug}`, modified: row.updatedAt }));
  } else {
    const rows = await db.post.findMany({ where: publicPostWhere, select: { id: true, updatedAt: true }, orderBy: { id: "asc" }, skip: name.chunk * chunk, take: chunk });
    urls = rows.map((row) => ({ path: `/posts/${row.id}`, modified: row.updatedAt }));
  }
  if (urls.length === 0 && name.kind !== "pages") return null;
  const entries = urls.map((url) => `<url><loc>${escapeXml(new URL(url.path, appUrl).href)}</loc>${url.modified ? `<lastmod>${url.modified.toISOString()}</lastmod>` : ""}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join("")}</urlset>\n`;
}
