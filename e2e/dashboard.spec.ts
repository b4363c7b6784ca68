// An owner's dashboard: their listings with feed health, an edit that is answered field by field,
// the mirroring switch that hides every post at once, and another owner's listing that is a 404.
import { expect, test } from "@playwright/test";
import { waitForMail } from "../lib/testing/mail-catcher";
import { signIn } from "./support/sign-in";

test("an owner edits a listing; mirroring 'none' hides its posts at once; another owner's listing is a 404", async ({ page }) => {
  await page.goto("/blogs/deep-time");
  const postPath = await page.locator('a[href^="/posts/"]').first().getAttribute("href");
  expect(postPath).toBeTruthy();

  await signIn(page, "maya@example.com");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Deep Time" })).toBeVisible();
  await page.getByRole("link", { name: "Edit Deep Time" }).click();

  await page.getByLabel("Language").fill("english");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Use a language code, such as en or pt-BR.")).toBeVisible();

  await page.getByLabel("Language").fill("en");
  await page.getByLabel(/^None/).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved. The public pages show the change now.")).toBeVisible();

  // A visitor's view, at once: no post of the blog anywhere.
  const visitor = await page.context().browser()!.newContext();
  const reader = await visitor.newPage();
  expect((await reader.goto(postPath!))!.status()).toBe(404);
  await reader.goto("/blogs/deep-time");
  await expect(reader.locator('a[href^="/posts/"]')).toHaveCount(0);
  await visitor.close();

  // Back to full text; and Tom's listing is not Maya's to edit.
  await page.getByLabel(/^Full text/).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect((await page.goto("/dashboard/listings/shipping-on-fridays"))!.status()).toBe(404);
});

test("an owner invites a co-editor by e-mail, who signs in, accepts, and finds the listing in their dashboard", async ({ page, browser }) => {
  const invitee = `coeditor-${Math.random().toString(36).slice(2, 8)}@blogatlas.example`;
  await signIn(page, "jonas@example.com");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: /^Edit / }).first().click();
  await page.waitForURL(/\/dashboard\/listings\//);
  const listingName = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(/^Edit /, "");
  // A mistyped address is answered next to the field and stays there to mend.
  await page.getByLabel("Invite by e-mail").fill(`${invitee.replace("@", "")}`);
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByLabel("Invite by e-mail")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Invite by e-mail")).toHaveValue(invitee.replace("@", ""));
  const since = Date.now();
  await page.getByLabel("Invite by e-mail").fill(invitee);
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
  await expect(page.getByText(`${invitee} (invited as editor, not accepted yet)`)).toBeVisible();

  const mail = await waitForMail(invitee, since);
  const link = mail.text.match(/https?:\/\/\S+\/invitations\/[\w-]+/)![0];
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, invitee);
  await other.goto(new URL(link).pathname);
  await expect(other.getByRole("heading", { name: `Welcome to ${listingName}` })).toBeVisible();
  await other.getByRole("link", { name: "My listings" }).click();
  await expect(other.getByRole("heading", { name: listingName })).toBeVisible();
  await expect(other.getByText("Editor ·")).toBeVisible();
  await context.close();
});

test("a Business Listing's owner adds a logo and social profiles; visitors see them on its page as paid links", async ({ page, browser }) => {
  await signIn(page, "maya@example.com");
  await page.goto("/dashboard/listings/the-patient-compiler");
  await page.getByLabel("Logo (an image address)").fill("https://the-patient-compiler.example/logo.png");
  await page.getByLabel(/^Social profiles/).fill("https://mastodon.social/@patientcompiler\nnot an address");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Put one http(s) address on each line, such as https://mastodon.social/@you.")).toBeVisible();
  await expect(page.getByLabel(/^Social profiles/)).toHaveAttribute("aria-invalid", "true");
  // Nothing typed is lost: the logo is still there, and the profiles to mend.
  await expect(page.getByLabel("Logo (an image address)")).toHaveValue("https://the-patient-compiler.example/logo.png");
  await expect(page.getByLabel(/^Social profiles/)).toHaveValue("https://mastodon.social/@patientcompiler\nnot an address");
  await page.getByLabel(/^Social profiles/).fill("https://mastodon.social/@patientcompiler\n\nhttps://github.com/patient-compiler\n");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved. The public pages show the change now.")).toBeVisible();

  const visitor = await browser.newContext();
  const reader = await visitor.newPage();
  // The owner's site, which this machine cannot reach, serves its logo.
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  await reader.route("https://the-patient-compiler.example/logo.png", (route) => route.fulfill({ contentType: "image/png", body: png }));
  await reader.goto("/blogs/the-patient-compiler");
  await expect(reader.getByRole("img", { name: "The Patient Compiler logo" })).toHaveAttribute("src", "https://the-patient-compiler.example/logo.png");
  const elsewhere = reader.locator("dt:has-text('Elsewhere') + dd");
  await expect(elsewhere.getByRole("link")).toHaveText(["Mastodon", "GitHub"]);
  await expect(elsewhere.getByRole("link", { name: "GitHub" })).toHaveAttribute("href", "https://github.com/patient-compiler");
  for (const rel of await elsewhere.getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("rel")))) expect(rel).toBe("sponsored noopener");
  await visitor.close();

  // The form shows what was saved, one address a line.
  await page.reload();
  await expect(page.getByLabel(/^Social profiles/)).toHaveValue("https://mastodon.social/@patientcompiler\nhttps://github.com/patient-compiler");
});
