// axe (WCAG 2.x A and AA rules) on every page type the site has; any violation fails, listed.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/sign-in";

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")})`);
}

async function firstPostPath(page: Page) {
  await page.goto("/blogs/weeknight-table");
  return (await page.getByRole("region", { name: "Latest posts" }).getByRole("article").first().getByRole("link").first().getAttribute("href"))!;
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    test("every page type passes axe", async ({ page }) => {
      const post = await firstPostPath(page);
      const pages = ["/", "/categories/food-drink", "/blogs/weeknight-table", post, "/search?q=bread", "/search?q=zzzzqqq", `/report?blog=weeknight-table`, "/signin", "/signin/check-email?email=reader%40example.com", "/signin/error?error=Verification", "/pricing", "/no-such-page"];
      const found: string[] = [];
      for (const path of pages) {
        await page.goto(path);
        for (const violation of await violations(page)) found.push(`${path} ${violation}`);
      }
      expect(found).toEqual([]);
    });
  });
}

test("the signed-in pages pass axe: account, the submission form, the dashboard, a listing's page and pricing", async ({ page }) => {
  await signIn(page, "rosa@example.com");
  const found: string[] = [];
  for (const path of ["/account", "/submit", "/dashboard", "/dashboard/listings/small-humans", "/pricing?listing=small-humans"]) {
    await page.goto(path);
    for (const violation of await violations(page)) found.push(`${path} ${violation}`);
  }
  expect(found).toEqual([]);
});

test("the admin pages pass axe", async ({ page }) => {
  await signIn(page, "admin@example.com");
  const found: string[] = [];
  for (const path of ["/admin", "/admin/queue", "/admin/listings", "/admin/listings/deep-time", "/admin/users", "/admin/feeds", "/admin/import", "/admin/audit"]) {
    await page.goto(path);
    for (const violation of await violations(page)) found.push(`${path} ${violation}`);
  }
  expect(found).toEqual([]);
});
