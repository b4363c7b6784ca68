import { expect, type Page } from "@playwright/test";
import { claimMail } from "../../lib/testing/mail-catcher";

/** An address no other test or run has used. */
export const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@blogatlas.example`;

/** Signs in through the real flow: the form, the e-mail, the link in it. */
export async function signIn(page: Page, email: string): Promise<void> {
  const since = Date.now();
  await page.goto("/signin");
  await page.getByLabel("Your e-mail address").fill(email);
  await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const mail = await claimMail(email, since);
  const link = mail.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  expect(link, "the mail carries a sign-in link").toBeTruthy();
  await page.goto(link!);
  // A failed link ends on the sign-in error page: said here, not as a timeout in a later step.
  expect(new URL(page.url()).pathname, `signing in ${email}`).not.toBe("/signin/error");
}
