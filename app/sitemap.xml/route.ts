import { loadSettings } from "@/lib/env";
import { sitemapIndex } from "@/lib/syndication/sitemaps";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await sitemapIndex(loadSettings().APP_URL), {
    headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
