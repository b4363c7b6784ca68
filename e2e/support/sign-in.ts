import { expect, type Page } from "@playwright/test";
import { waitForMail } from "../../lib/testing/mail-catcher";

/** Signs in through the real flow: the form, the e-mail, the link in it. */
export async function signIn(page: Page, email: string): Promise<void> {
  const since = Date.now();
  await page.goto("/signin");
  await page.getByLabel("Your e-mail address").fill(email);
  await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const mail = await waitForMail(email, since);
  const link = mail.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  expect(link, "the mail carries a sign-in link").toBeTruthy();
  await page.goto(link!);
}
