import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { BYPASS_HEADER } from "@/lib/page-cache/serve-page";
import { contentSecurityPolicy, HARDENING_HEADERS, OPENER_POLICY, pageSecurityHeaders } from "./security-headers";

describe("the headers of a page", () => {
  it("give Next the nonce on the request and the visitor the policy, the hardening headers and the opener policy", () => {
    const headers = pageSecurityHeaders("abc", "/dashboard", false);
    expect(Object.fromEntries(headers.request)).toEqual({ "x-nonce": "abc", "content-security-policy": contentSecurityPolicy("abc", false) });
    expect(headers.response).toEqual([["content-security-policy", contentSecurityPolicy("abc", false)], ...HARDENING_HEADERS, OPENER_POLICY]);
    expect(contentSecurityPolicy("abc", false)).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
  });

  it("leave the opener policy off the public directory's pages only, chosen by path alone", () => {
    const opener = (path: string) => pageSecurityHeaders("abc", path, false).response.some(([name]) => name === OPENER_POLICY[0]);
    for (const path of ["/", "/posts/p1", "/blogs/weeknight-table", "/categories/baking", "/tags/sourdough", "/search"]) {
      expect(opener(path), path).toBe(false);
    }
    for (const path of ["/dashboard", "/dashboard/listings/x", "/admin", "/account", "/signin", "/pricing", "/submit", "/report", "/blogs/x/claim", "/posts/p1/image", "/searching", "/no-such-page"]) {
      expect(opener(path), path).toBe(true);
    }
  });

  it("are skipped by proxy.ts exactly for the requests the door marks as handed over", () => {
    expect(config.matcher[0]!.missing).toContainEqual({ type: "header", key: BYPASS_HEADER });
  });
});
