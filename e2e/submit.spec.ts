// An owner lists a blog served by a local server: the address, the preview of what its feed holds,
// the details (a missing category answered next to the field), then it waits for review; they claim
// it by publishing the meta tag the claim page gives them.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { claimMail } from "../lib/testing/mail-catcher";
import { signIn } from "./support/sign-in";

test("a signed-in owner submits a blog, then claims it with the meta-tag method", async ({ page }) => {
  const port = Number(process.env.E2E_FEED_PORT);
  const origin = `http://127.0.0.1:${port}`;
  let verificationTag = "";
  const server = http.createServer((request, response) => {
    if (request.url === "/") {
      response.writeHead(200, { "content-type": "text/html" }).end(`<html><head><title>Loaves</title>${verificationTag}<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Loaves</body></html>`);
      return;
    }
    const items = ["Crumb shots, explained", "Why my starter died"].map((title, index) => `<item><guid>loaf-${index}</guid><link>${origin}/${index}</link><title>${title}</title><pubDate>${new Date(Date.now() - index * 86_400_000).toUTCString()}</pubDate><description>About ${title}.</description></item>`);
    response.writeHead(200, { "content-type": "application/rss+xml" }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>The Loaf Diaries</title><link>${origin}/</link><description>Bread, slowly.</description>${items.join("")}</channel></rss>`);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  try {
    await signIn(page, `owner-${Math.random().toString(36).slice(2, 8)}@blogatlas.example`);
    await page.locator("main").getByRole("link", { name: "List your blog" }).click();
    await page.getByLabel("Your blog's address").fill("http://10.0.0.1/feed");
    await page.getByRole("button", { name: "Look it up" }).click();
    await expect(page.getByText(/We cannot read that address: .*private/)).toBeVisible();

    await page.getByLabel("Your blog's address").fill(`${origin}/`);
    await page.getByRole("button", { name: "Look it up" }).click();
    await expect(page.getByRole("heading", { name: "The Loaf Diaries" })).toBeVisible();
    await expect(page.getByText("Crumb shots, explained")).toBeVisible();
    await expect(page.getByLabel("Description")).toHaveValue("Bread, slowly.");

    await page.getByLabel(/^Tags/).fill("bread, baking");
    await page.getByLabel("Description").fill("Bread, slowly, with crumb shots.");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("Choose a category.")).toBeVisible();
    // Only the category is asked for: what was typed is still there.
    await expect(page.getByLabel(/^Tags/)).toHaveValue("bread, baking");
    await expect(page.getByLabel("Description")).toHaveValue("Bread, slowly, with crumb shots.");
    await page.getByLabel("Category").selectOption({ label: "Food & Drink" });
    await page.getByRole("button", { name: "Submit for review" }).click();

    await expect(page).toHaveURL(/\/account\?submitted=the-loaf-diaries/);
    await expect(page.getByText("Thank you: your blog is submitted.")).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "The Loaf Diaries" })).toContainText("waiting for review");
    // Pending listings are not public yet.
    const publicPage = await page.request.get("/blogs/the-loaf-diaries");
    expect(publicPage.status()).toBe(404);

    // The claim: the page gives a tag to publish; checking before it is published says what is missing.
    await page.goto("/blogs/the-loaf-diaries/claim");
    await page.getByLabel("A meta tag on my home page").check();
    await page.getByRole("button", { name: "Start the claim" }).click();
    const tag = (await page.locator("code", { hasText: "blogatlas-verification" }).textContent())!;
    expect(tag).toMatch(/^<meta name="blogatlas-verification" content="blogatlas-[\w-]{32}">$/);
    await page.getByRole("button", { name: "Check now" }).click();
    await expect(page.getByText(/Not verified yet: the home page has no/)).toBeVisible();
    verificationTag = tag;
    await page.getByRole("button", { name: "Check now" }).click();
    await expect(page.getByText("Verified: you own this listing now")).toBeVisible();
    await page.reload();
    await expect(page.getByText("You own this listing.")).toBeVisible();
  } finally {
    server.close();
  }
});

test("a claim by a mailed code keeps a mistyped address and a wrong code to mend, then verifies with the code", async ({ page }) => {
  await signIn(page, `claimer-${Math.random().toString(36).slice(2, 8)}@blogatlas.example`);
  await page.goto("/blogs/balcony-jungle/claim");
  await page.getByLabel("A code mailed to an address at my blog's domain").check();
  const address = page.getByLabel("An address at your blog's domain");
  await address.fill("mei@balcony-jungle.exmaple");
  await page.getByRole("button", { name: "Start the claim" }).click();
  await expect(page.getByText("Use an address at the blog's own domain (balcony-jungle.example).")).toBeVisible();
  // The typo is still there to mend, not an empty field.
  await expect(address).toHaveValue("mei@balcony-jungle.exmaple");
  await expect(address).toHaveAttribute("aria-invalid", "true");

  const mailbox = `mei-${Math.random().toString(36).slice(2, 8)}@balcony-jungle.example`;
  const since = Date.now();
  await address.fill(mailbox);
  await page.getByRole("button", { name: "Start the claim" }).click();
  await expect(page.getByText(`We mailed a six-digit code to ${mailbox}.`)).toBeVisible();
  const code = (await claimMail(mailbox, since)).text.match(/\b\d{6}\b/)?.[0];
  expect(code, "the mail carries a six-digit code").toBeTruthy();

  const codeField = page.getByLabel("The code from the e-mail");
  const wrong = code!.slice(0, 5) + String((Number(code!.at(-1)) + 1) % 10);
  await codeField.fill(wrong);
  await page.getByRole("button", { name: "Verify the code" }).click();
  await expect(page.getByText("Not verified yet: that code is not the one we sent.")).toBeVisible();
  await expect(codeField).toHaveValue(wrong);
  await codeField.fill(code!);
  await page.getByRole("button", { name: "Verify the code" }).click();
  await expect(page.getByText("Verified: you own this listing now")).toBeVisible();
});

test("floods of submissions and of claims answer 429 after the limit; cross-site posts 403, visitors 401 (security.md 14-15)", async ({ page, baseURL, request }) => {
  const headers = { origin: baseURL! };
  expect((await request.post("/api/submissions", { multipart: { url: "https://example.com/", category: "technology" }, headers })).status()).toBe(401);
  await signIn(page, `flood-${Math.random().toString(36).slice(2, 8)}@blogatlas.example`);
  expect((await page.request.post("/api/submissions", { multipart: { url: "https://example.com/", category: "technology" }, headers: { origin: "https://evil.example" } })).status()).toBe(403);

  const submissions: number[] = [];
  for (let i = 0; i < 6; i++) submissions.push((await page.request.post("/api/submissions", { multipart: { url: "http://10.0.0.1/feed", category: "technology", language: "en" }, headers })).status());
  expect(submissions).toEqual([400, 400, 400, 400, 400, 429]);
  const limited = await page.request.post("/api/submissions", { multipart: { url: "http://10.0.0.1/feed", category: "technology" }, headers });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).errors.form).toMatch(/You can submit 5 blogs a day/);

  const claims: number[] = [];
  for (let i = 0; i < 11; i++) claims.push((await page.request.post("/api/listings/fix-it-friday/claims", { multipart: { method: "META_TAG" }, headers })).status());
  expect(claims).toEqual([...Array(10).fill(201), 429]);
});
