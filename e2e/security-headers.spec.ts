// security.md 23: every page sends a CSP with a fresh nonce and no 'unsafe-inline' scripts, plus
// the usual security headers; the site still works under it (no CSP violations in the console).
import { expect, test } from "@playwright/test";
import { signIn, unique } from "./support/sign-in";

// The public directory's pages go out without Cross-Origin-Opener-Policy; every other page has it
// (docs/decisions/013).
const PUBLIC_PAGES = ["/", "/blogs/weeknight-table", "/categories/baking", "/tags/recipes", "/search?q=bread"];
const OTHER_PAGES = ["/report?blog=weeknight-table", "/pricing", "/signin", "/submit", "/no-such-page"];

test("every page type sends a strict CSP with a fresh nonce and the usual headers", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of [...PUBLIC_PAGES, ...OTHER_PAGES]) {
    const response = await request.get(path);
    const headers = response.headers();
    const policy = headers["content-security-policy"]!;
    expect(policy, path).toBeTruthy();
    const scriptSrc = policy.split(";").find((directive) => directive.trim().startsWith("script-src"))!;
    expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=_-]{20,}'/);
    expect(scriptSrc, path).not.toContain("unsafe-inline");
    expect(scriptSrc, path).not.toContain("unsafe-eval");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    nonces.add(scriptSrc.match(/'nonce-([^']+)'/)![1]!);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["cross-origin-opener-policy"], path).toBe(PUBLIC_PAGES.includes(path) ? undefined : "same-origin");
    // Next's own inline scripts carry the nonce.
    const html = await response.text();
    const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1]!;
    const inline = [...html.matchAll(/<script(?![^>]*type="application\/ld\+json")([^>]*)>/g)].map((match) => match[1]!);
    for (const attributes of inline) expect(attributes, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(PUBLIC_PAGES.length + OTHER_PAGES.length);
});

test("a member gets the headers a visitor gets on every page type, so no other site can tell who is signed in", async ({ page, request }) => {
  // With the opener policy sent to members only, a page another site opened would cut that site's
  // handle on the window for a member and keep it for a visitor: a known cross-site leak (XS-Leaks).
  const post = (await (await request.get("/")).text()).match(/href="(\/posts\/[^"/]+)"/)?.[1];
  expect(post, "the home page links a post").toBeTruthy();
  await signIn(page, unique("opener-member"));
  for (const path of [...PUBLIC_PAGES, post!, ...OTHER_PAGES]) {
    const visitor = (await request.get(path)).headers();
    const member = (await page.request.get(path)).headers();
    expect(member["x-page-cache"], `${path}: the member's page is rendered for the member`).toBeUndefined();
    for (const name of ["cross-origin-opener-policy", "x-frame-options", "x-content-type-options", "referrer-policy", "permissions-policy"]) {
      expect(member[name], `${path}: ${name}`).toBe(visitor[name]);
    }
  }
});

test("a client cannot pass for the door: its own x-page-cache and nonce headers change nothing", async ({ request }) => {
  // The door hands Next its misses marked x-page-cache with the headers already set, and proxy.ts
  // skips those; a client's copy of the mark is removed, so the proxy's work is never skipped.
  for (const path of ["/pricing?spoof=1", "/categories/baking?spoof=1"]) {
    const response = await request.get(path, { headers: { "x-page-cache": "render", "x-nonce": "evil", "content-security-policy": "script-src *" } });
    const policy = response.headers()["content-security-policy"]!;
    expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9_-]{20,}' 'strict-dynamic'/);
    expect(policy, path).not.toContain("evil");
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
    expect(await response.text(), path).not.toContain('nonce="evil"');
  }
});

test("the site works under its CSP: no violation is reported while a visitor browses and submits a form", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/");
  await page.getByRole("region", { name: "Newest blogs" }).getByRole("link").first().click();
  await page.getByRole("region", { name: "Latest posts" }).getByRole("article").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/posts\//);
  await page.getByRole("link", { name: "Report this post" }).click();
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Choose what is wrong.")).toBeVisible();
  expect(violations).toEqual([]);
});
