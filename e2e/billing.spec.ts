// An owner upgrades a free listing through Stripe Checkout (the local Stripe of global-setup plays
// Stripe: its Pay button completes the session and sends the signed events to the app's webhook);
// the listing becomes a Business Listing on the home page and its own page; then the owner cancels in
// the customer portal, the deletion event arrives, and everything reverts. The success URL alone
// never upgrades anything (security.md 6).
import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

const LISTING = "the-allotment-year";
const NAME = "The Allotment Year";

test("an owner upgrades a listing with Stripe Checkout, it is featured, then cancelled in the portal it reverts", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, "hannah@example.com");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: `Upgrade ${NAME} to a Business Listing` }).click();
  await expect(page).toHaveURL(new RegExp(`/pricing\\?listing=${LISTING}$`));
  await expect(page.getByText("$19.00 a month", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("Save $38.00 against monthly")).toBeVisible();

  // The success URL without paying: "activating", and nothing upgraded.
  await page.goto(`/dashboard/listings/${LISTING}?checkout=success&session_id=cs_test_not_paid`);
  await expect(page.getByText("Activating your Business Listing…")).toBeVisible();
  const visitor = await browser.newContext();
  const reader = await visitor.newPage();
  await reader.goto(`/blogs/${LISTING}`);
  await expect(reader.locator("main").getByText("Business", { exact: true })).toHaveCount(0);

  // Pay through Checkout.
  await page.goto(`/pricing?listing=${LISTING}`);
  await page.getByRole("button", { name: `Upgrade ${NAME}: $19.00 a month` }).click();
  await expect(page.getByRole("heading", { name: "Test checkout" })).toBeVisible();
  await expect(page.getByText("19.00 USD a month")).toBeVisible();
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL(new RegExp(`/dashboard/listings/${LISTING}\\?checkout=success&session_id=cs_test_`));
  await expect(page.getByText("Thank you: this is now a Business Listing.")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/Active, billed monthly\. Renews on /)).toBeVisible();

  // Visitors see it: featured on the home page, labelled on its page, no upgrade banner on its posts.
  await page.goto("/");
  await expect(page.locator("section[aria-labelledby=featured]").getByRole("link", { name: NAME })).toBeVisible();
  await reader.goto(`/blogs/${LISTING}`);
  await expect(reader.locator("main").getByText("Business", { exact: true }).first()).toBeVisible();
  const postPath = await reader.locator('a[href^="/posts/"]').first().getAttribute("href");
  await reader.goto(postPath!);
  await expect(reader.getByText("Upgrade To A Business Listing")).toHaveCount(0);

  // Cancel in the customer portal: the deletion event reverts the listing.
  await page.goto(`/dashboard/listings/${LISTING}`);
  await page.getByRole("button", { name: /Manage billing/ }).click();
  await expect(page.getByRole("heading", { name: "Test billing portal" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await page.waitForURL(new RegExp(`/dashboard/listings/${LISTING}$`));
  await expect(page.getByText(/The subscription ended on .*; this is a free listing again\./)).toBeVisible();
  await page.goto("/");
  await expect(page.locator("section[aria-labelledby=featured]").getByRole("link", { name: NAME })).toHaveCount(0);
  await reader.goto(`/blogs/${LISTING}`);
  await expect(reader.locator("main").getByText("Business", { exact: true })).toHaveCount(0);
  await reader.goto(postPath!);
  await expect(reader.getByRole("link", { name: /Upgrade To A Business Listing/ })).toBeVisible();
  await visitor.close();
});

test("the pricing page shows the plans to visitors and sends them to sign in or list their blog", async ({ page }) => {
  await page.goto("/pricing");
  await expect(page.getByRole("heading", { name: "Business Listings", level: 1 })).toBeVisible();
  await expect(page.getByText("$190.00")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to upgrade your listing" })).toBeVisible();
  await expect(page.getByRole("link", { name: "List your blog" }).first()).toBeVisible();
});
