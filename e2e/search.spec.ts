import { expect, test } from "@playwright/test";

test("a visitor searches from the header, reads highlighted results and narrows them", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search blogs and posts" }).fill("sourdough");
  await page.getByRole("button", { name: "Search" }).first().click();
  await expect(page).toHaveURL(/\/search\?q=sourdough/);
  await expect(page.getByRole("heading", { name: "Search blogs and posts" })).toBeVisible();
  const blogs = page.getByRole("region", { name: "Blogs" });
  await expect(blogs.getByRole("link", { name: "The Sourdough Diaries" })).toBeVisible();
  const posts = page.getByRole("region", { name: "Posts" });
  await expect(posts.getByRole("listitem").first()).toBeVisible();
  await expect(posts.locator("mark").first()).toHaveText(/sourdough/i);

  // Narrow by a category with no such posts: a helpful empty state.
  await page.getByLabel("Category").selectOption("travel");
  await page.getByRole("button", { name: "Search", exact: true }).last().click();
  await expect(page.getByText(/No posts match “sourdough” with these filters\./)).toBeVisible();
  await expect(page.getByRole("link", { name: "Food & Drink" })).toBeVisible();
});

test("a misspelt blog name still finds the blog, and bad filters get a clear message", async ({ page }) => {
  await page.goto("/search?q=sourdogh+diaries");
  await expect(page.getByRole("region", { name: "Blogs" }).getByRole("link", { name: "The Sourdough Diaries" })).toBeVisible();
  await page.goto("/search?q=bread&from=2026-05-01&to=2026-01-01");
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the search" })).toContainText("The end date must not be before the start date");
});
