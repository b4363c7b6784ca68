import type { Page } from "@playwright/test";

/** The address of the newest post of a demo blog (The Weeknight Table unless named), read from its page. */
export async function firstPostPath(page: Page, blogSlug = "weeknight-table"): Promise<string> {
  await page.goto(`/blogs/${blogSlug}`);
  return (await page.getByRole("region", { name: "Latest posts" }).getByRole("article").first().getByRole("link").first().getAttribute("href"))!;
}
