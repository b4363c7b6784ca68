// The HTTP answer for a feed route: 404 for an unknown or malformed slug, else the feed with
// caching headers (readers poll; a minute of shared cache costs them nothing).
import "server-only";
import { loadSettings } from "@/lib/env";
import { ZListingSlug } from "@/lib/listings/schemas";
import { categoryFeedData, categoryOpml, listingFeedData, renderFeed } from "./feeds";

const TYPES = { rss: "application/rss+xml; charset=utf-8", atom: "application/atom+xml; charset=utf-8", opml: "text/x-opml; charset=utf-8" } as const;
const CACHE = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";

const notFound = () => new Response("not found", { status: 404, headers: { "content-type": "text/plain" } });

export async function feedResponse(kind: "listing" | "category", rawSlug: string, format: "rss" | "atom"): Promise<Response> {
  const slug = ZListingSlug.safeParse(rawSlug);
  if (!slug.success) return notFound();
  const data = kind === "listing" ? await listingFeedData(slug.data) : await categoryFeedData(slug.data);
  if (!data) return notFound();
  const appUrl = loadSettings().APP_URL;
  const selfPath = `/${kind === "listing" ? "blogs" : "categories"}/${slug.data}/${format}.xml`;
  const body = renderFeed(format, { title: data.title, description: data.description, pageUrl: new URL(data.path, appUrl).href, selfUrl: new URL(selfPath, appUrl).href }, data.items, appUrl);
  return new Response(body, { headers: { "content-type": TYPES[format], "cache-control": CACHE } });
}

export async function opmlResponse(rawSlug: string): Promise<Response> {
  const slug = ZListingSlug.safeParse(rawSlug);
  if (!slug.success) return notFound();
  const opml = await categoryOpml(slug.data);
  return opml ? new Response(opml, { headers: { "content-type": TYPES.opml, "cache-control": CACHE } }) : notFound();
}
