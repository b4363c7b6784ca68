// axe (WCAG 2.x A and AA rules) on every page type the site has; any violation fails, listed.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/sign-in";

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")})`);
}

/** Each page's violations, named by its path. */
async function violationsOn(page: Page, paths: string[]) {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    for (const violation of await violations(page)) found.push(`${path} ${violation}`);
  }
  return found;
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
      const pages = ["/", "/categories/food-drink", "/tags/recipes", "/blogs/weeknight-table", post, "/search?q=bread", "/search?q=zzzzqqq", `/report?blog=weeknight-table`, "/signin", "/signin/check-email?email=reader%40example.com", "/signin/error?error=Verification", "/pricing", "/no-such-page"];
      expect(await violationsOn(page, pages)).toEqual([]);
    });
  });
}

test("the signed-in pages pass axe: account, the submission form, the dashboard, a listing's page and pricing", async ({ page }) => {
  await signIn(page, "rosa@example.com");
  expect(await violationsOn(page, ["/account", "/submit", "/dashboard", "/dashboard/listings/small-humans", "/pricing?listing=small-humans"])).toEqual([]);
});

test("the admin pages pass axe", async ({ page }) => {
  await signIn(page, "admin@example.com");
  expect(await violationsOn(page, ["/admin", "/admin/queue", "/admin/listings", "/admin/listings/deep-time", "/admin/users", "/admin/feeds", "/admin/import", "/admin/audit"])).toEqual([]);
});
