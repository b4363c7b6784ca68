import type { MetadataRoute } from "next";
import { loadSettings } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const appUrl = loadSettings().APP_URL;
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/search", "/report", "/api/"] }],
    host: appUrl,
    sitemap: new URL("/sitemap.xml", appUrl).href,
  };
}
