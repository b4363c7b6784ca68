// axe (WCAG 2.x A and AA rules) on every page type the site has; any violation fails, listed.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { firstPostPath } from "./support/posts";
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


for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    test("every page type passes axe", async ({ page }) => {
      // Fourteen pages, each loaded and analysed: axe alone takes 1-2 s a page on a slow machine.
      test.slow();
      const post = await firstPostPath(page);
      const pages = ["/", "/categories/food-drink", "/tags/recipes", "/blogs/weeknight-table", post, "/search?q=bread", "/search?q=zzzzqqq", `/report?blog=weeknight-table`, "/signin", "/signin/check-email?email=reader%40example.com", "/signin/error?error=Verification", "/pricing", "/account/deleted", "/no-such-page"];
      expect(await violationsOn(page, pages)).toEqual([]);
    });
  });
}

test("the signed-in pages pass axe: account, the submission form, the dashboard, a listing's page and pricing", async ({ page }) => {
  test.slow();
  await signIn(page, "rosa@example.com");
  expect(await violationsOn(page, ["/account", "/submit", "/dashboard", "/dashboard/listings/small-humans", "/pricing?listing=small-humans"])).toEqual([]);
});

test("the admin pages pass axe", async ({ page }) => {
  test.slow();
  await signIn(page, "admin@example.com");
  expect(await violationsOn(page, ["/admin", "/admin/queue", "/admin/listings", "/admin/listings/deep-time", "/admin/users", "/admin/feeds", "/admin/import", "/admin/audit"])).toEqual([]);
});

test("public pages fit a 360-pixel phone screen without sideways scrolling, in light and dark", async ({ page }) => {
  const post = await firstPostPath(page);
  await page.setViewportSize({ width: 360, height: 740 });
  const overflowing: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ["/", "/categories/food-drink", "/tags/recipes", "/blogs/weeknight-table", post, "/search?q=bread", "/report?blog=weeknight-table", "/pricing", "/no-such-page"]) {
      await page.goto(path);
      const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      if (scrollWidth > width) overflowing.push(`${scheme} ${path}: ${scrollWidth}px`);
    }
  }
  expect(overflowing).toEqual([]);
});

test("a keyboard reaches everything on a post page: the skip link first, then the original, sharing, subscribing and reporting", async ({ page }) => {
  await page.goto(await firstPostPath(page));
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveText("Skip to content");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  const reached: string[] = [];
  for (let step = 0; step < 80 && !reached.includes("Report this post"); step++) {
    await page.keyboard.press("Tab");
    reached.push(await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element?.getAttribute("aria-label") ?? element?.textContent?.trim() ?? element?.getAttribute("name") ?? "";
    }));
  }
  // From the skip link the next stop is inside the page, not back in the header.
  expect(reached[0]).not.toBe("Search");
  for (const control of [/^here/, /^Copy link$/, /^X$/, /^Subscribe$/, /^Report this post$/]) expect(reached.some((name) => control.test(name)), `${control} in ${reached.join(" | ")}`).toBe(true);
});
