import { loadSettings } from "@/lib/env";
import { parseSitemapName, sitemap } from "@/lib/syndication/sitemaps";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ name: string }> }) {
  const name = parseSitemapName((await context.params).name);
  const body = name ? await sitemap(name, loadSettings().APP_URL) : null;
  if (!body) return new Response("not found", { status: 404, headers: { "content-type": "text/plain" } });
  return new Response(body, { headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" } });
}
