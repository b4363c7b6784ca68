import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { BYPASS_HEADER } from "@/lib/page-cache/serve-page";
import { contentSecurityPolicy, HARDENING_HEADERS, pageSecurityHeaders } from "./security-headers";

describe("the headers of a page", () => {
  it("give Next the nonce on the request and the visitor the policy and hardening headers", () => {
    const headers = pageSecurityHeaders("abc", false);
    expect(Object.fromEntries(headers.request)).toEqual({ "x-nonce": "abc", "content-security-policy": contentSecurityPolicy("abc", false) });
    expect(headers.response).toEqual([["content-security-policy", contentSecurityPolicy("abc", false)], ...HARDENING_HEADERS]);
    expect(contentSecurityPolicy("abc", false)).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
  });

  it("are skipped by proxy.ts exactly for the requests the door marks as handed over", () => {
    expect(config.matcher[0]!.missing).toContainEqual({ type: "header", key: BYPASS_HEADER });
  });
});
