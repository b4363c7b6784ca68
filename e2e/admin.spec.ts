// The admin area, walked by an admin: approving a submission (it appears on the public site),
// rejecting one (the submitter receives the mail), hiding a reported post, suspending and restoring a
// listing, importing an OPML file, banning a user whose session then stops working. And every admin
// page answers 404 to a signed-in non-admin (security.md 11).
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { waitForMail } from "../lib/testing/mail-catcher";
import { signIn } from "./support/sign-in";

const ADMIN = "admin@example.com";

// One sign-in per test worker: magic links are limited per address and per network address, and
// every test of this file would otherwise ask for one.
let adminState: string | undefined;
test.beforeAll(async ({ browser }, info) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN);
  adminState = path.join(os.tmpdir(), `blogatlas-e2e-admin-${process.pid}-${info.workerIndex}.json`);
  await context.storageState({ path: adminState });
  await context.close();
});

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: adminState });
  const page = await context.newPage();
  await page.goto("/");
  return page;
}

test("every admin page and action answers 404 to a signed-in non-admin, and pages to a visitor", async ({ page, request }) => {
  const paths = ["/admin", "/admin/queue", "/admin/listings", "/admin/listings/deep-time", "/admin/users", "/admin/users/cmnosuchuser0000000000000", "/admin/feeds", "/admin/import", "/admin/import/cmnosuchjob00000000000000", "/admin/audit"];
  for (const path of paths) expect((await request.get(path)).status(), `${path} for a visitor`).toBe(404);
  await signIn(page, `not-admin-${Math.random().toString(36).slice(2, 8)}@blogatlas.example`);
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response!.status(), `${path} for a signed-in member`).toBe(404);
  }
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);

  // Every admin server action, called directly as this member (both ways Next accepts a call: the
  // no-JavaScript form post and the fetch with a Next-Action header): 404, and nothing changes.
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
  const actions = Object.entries(manifest.node).filter(([, action]) => action.filename === "app/admin/actions.ts");
  expect(actions.map(([, action]) => action.exportedName).sort()).toEqual(["claimAction", "importAction", "listingAction", "postAction", "reportAction", "resumeImportAction", "retryFeedAction", "submissionsAction", "userAction"]);
  const fields = { intent: "suspend", slug: "deep-time", reason: "taking over", report: "x", claim: "x", post: "x", blog: "x", job: "x", user: "x", ids: "x" };
  for (const [id, action] of actions) {
    const form = await page.request.post("/admin/feeds", { multipart: { [`$ACTION_ID_${id}`]: "", ...fields } });
    expect(form.status(), `${action.exportedName} as a form post`).toBe(404);
    const fetched = await page.request.post("/admin/feeds", { headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" }, data: JSON.stringify([{}, "$undefined"]) });
    expect(fetched.status(), `${action.exportedName} as a fetch`).toBe(404);
  }
  expect((await request.get("/blogs/deep-time")).status()).toBe(200);
});

test("an admin approves one submission (it goes public) and rejects another (the submitter is mailed)", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await page.getByRole("link", { name: "Moderation queue" }).click();
  const approve = page.getByRole("article", { name: "Poetry on Mondays" });
  const reject = page.getByRole("article", { name: "Island Hopper" });
  const note = reject.getByLabel("Note to the submitter of Island Hopper");
  // A note prepared for one item survives deciding another (React empties the form after each answer).
  await note.fill("The posts appear earlier on a travel agency's site.");
  await expect(approve.getByText(/spam score \d+/)).toBeVisible();
  await approve.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved 1 item." })).toBeVisible();
  await expect(page.getByRole("article", { name: "Poetry on Mondays" })).toHaveCount(0);
  await expect(note).toHaveValue("The posts appear earlier on a travel agency's site.");
  const visitor = await browser.newContext();
  const reader = await visitor.newPage();
  expect((await reader.goto("/blogs/poetry-on-mondays"))!.status()).toBe(200);
  await expect(reader.getByRole("heading", { name: "Poetry on Mondays", level: 1 })).toBeVisible();

  const since = Date.now();
  await reject.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose a reason from the list." })).toBeVisible();
  // Refused for want of a reason: the note is still there, and is sent with the decision below.
  await expect(note).toHaveValue("The posts appear earlier on a travel agency's site.");
  await reject.getByLabel("Reason for rejecting Island Hopper").selectOption({ label: "It copies other people's posts" });
  await reject.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rejected 1 item." })).toBeVisible();
  const mail = await waitForMail("reader@example.com", since);
  expect(mail.subject).toBe("Island Hopper was not listed on BlogAtlas");
  expect(mail.text).toContain("The reason: It copies other people's posts.");
  expect(mail.text).toContain("The moderator's note: The posts appear earlier on a travel agency's site.");
  expect((await reader.goto("/blogs/island-hopper"))!.status()).toBe(404);
  await visitor.close();
});

test("an admin hides a reported post, and suspends then restores a listing", async ({ browser, page: visitorPage }) => {
  // A visitor reports a post.
  await visitorPage.goto("/blogs/golden-hour-notes");
  await visitorPage.getByRole("region", { name: "Latest posts" }).getByRole("article").first().getByRole("link").first().click();
  await expect(visitorPage).toHaveURL(/\/posts\//);
  const postPath = new URL(visitorPage.url()).pathname;
  const title = (await visitorPage.getByRole("heading", { level: 1 }).textContent())!;
  await visitorPage.getByRole("link", { name: "Report this post" }).click();
  await visitorPage.getByLabel("Copyright or takedown request").check();
  await visitorPage.getByLabel("Details").fill("This is my photograph, used without permission.");
  await visitorPage.getByRole("button", { name: "Send report" }).click();
  await expect(visitorPage.getByRole("status")).toContainText("Thank you.");

  const page = await adminPage(browser);
  await page.goto("/admin/queue");
  const report = page.getByRole("form", { name: `Handle the report about ${title}` });
  await report.getByLabel("Note").fill("Takedown: the photographer's request");
  await report.getByRole("button", { name: "Hide the post" }).click();
  await expect(report).toHaveCount(0); // handled: it leaves the queue
  expect((await visitorPage.goto(postPath))!.status()).toBe(404);

  // Suspend a listing: gone at once; restore: back with its posts.
  await page.goto("/admin/listings?q=margin+notes");
  await page.getByRole("link", { name: "The Margin Notes" }).click();
  const suspend = page.getByRole("form", { name: "Suspend or restore" });
  await suspend.getByLabel("Reason (kept in the audit log)").fill("Investigating a copyright complaint");
  await suspend.getByRole("button", { name: "Suspend the listing" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Suspended" })).toBeVisible();
  expect((await visitorPage.goto("/blogs/the-margin-notes"))!.status()).toBe(404);
  await page.reload();
  const restore = page.getByRole("form", { name: "Suspend or restore" });
  await restore.getByLabel("Reason (kept in the audit log)").fill("Complaint withdrawn");
  await restore.getByRole("button", { name: "Restore the listing" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Restored" })).toBeVisible();
  expect((await visitorPage.goto("/blogs/the-margin-notes"))!.status()).toBe(200);
  await expect(visitorPage.getByRole("region", { name: "Latest posts" }).getByRole("article").first()).toBeVisible();

  // Every step is in the audit log.
  await page.goto("/admin/audit?actor=admin%40example.com");
  for (const action of ["post.hide", "listing.suspend", "listing.restore"]) await expect(page.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
});

test("an admin imports an OPML file: a progress bar, then what was added, skipped and refused", async ({ browser }) => {
  const page = await adminPage(browser);
  const fresh = `opml-${Math.random().toString(36).slice(2, 8)}`;
  const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Blogs</title></head><body>
    <outline text="Fresh" title="Fresh Blog ${fresh}" type="rss" xmlUrl="https://${fresh}.example/feed.xml" htmlUrl="https://${fresh}.example/"/>
    <outline text="Deep Time" title="Deep Time" type="rss" xmlUrl="https://deep-time.example/feed.xml"/>
    <outline text="Private" title="Private" type="rss" xmlUrl="http://10.0.0.1/feed.xml"/>
  </body></opml>`;
  await page.goto("/admin/import");
  await page.locator("input[type=file]").setInputFiles({ name: "blogs.opml", mimeType: "text/x-opml", buffer: Buffer.from(opml) });
  await page.getByRole("button", { name: "Upload and import" }).click();
  await page.waitForURL(/\/admin\/import\/\w+$/);
  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(page.getByText("Finished: 3 of 3 feeds (100%)")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "1 added as pending, 1 skipped as duplicates, 1 refused." })).toBeVisible();
  await expect(page.getByRole("row", { name: /10\.0\.0\.1.*refused.*private address/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /deep-time.*skipped: duplicate.*Deep Time/ })).toBeVisible();
  await page.goto("/admin/queue");
  await expect(page.getByRole("article", { name: `Fresh Blog ${fresh}` })).toBeVisible();
});

test("an admin bans a user, whose session stops working at once", async ({ browser, page: member }) => {
  const email = `ban-me-${Math.random().toString(36).slice(2, 8)}@blogatlas.example`;
  await signIn(member, email);
  await member.goto("/account");
  await expect(member.locator("main").getByText(email)).toBeVisible();

  const page = await adminPage(browser);
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: email }).click();
  const ban = page.getByRole("form", { name: "Ban" });
  await ban.getByLabel("Reason (kept in the audit log)").fill("Spam reports from many addresses");
  await ban.getByRole("button", { name: "Ban this user" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Banned; 1 session ended." })).toBeVisible();

  await member.goto("/account");
  await expect(member).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
});

test("an action refused by the server leaves its reason in place to mend", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto(`/admin/users?q=${encodeURIComponent(ADMIN)}`);
  await page.getByRole("link", { name: ADMIN }).click();
  const ban = page.getByRole("form", { name: "Ban" });
  const reason = ban.getByLabel("Reason (kept in the audit log)");
  await reason.fill("Testing what a refusal keeps");
  await ban.getByRole("button", { name: "Ban this user" }).click();
  await expect(ban.getByRole("alert")).toHaveText("You cannot ban yourself.");
  await expect(reason).toHaveValue("Testing what a refusal keeps");
});

test("the queue answers the keyboard: ? explains, x selects, d defers; the bar defers the selected ones", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto("/admin/queue");
  // Offered once the keys work (after the page's script has run); a key pressed before would be lost.
  await expect(page.getByText("Press ? for keyboard shortcuts.")).toBeVisible();
  await page.keyboard.press("?");
  await expect(page.getByText(/Keys: j \/ k next and previous, a approve/)).toBeVisible();
  const item = page.getByRole("article", { name: "Night Sky Kids" });
  await item.focus();
  await page.keyboard.press("x");
  await expect(item.getByRole("checkbox", { name: "Select Night Sky Kids" })).toBeChecked();
  // Refused for want of a reason: the tick stays, for the next decision on the selected ones.
  await page.getByRole("button", { name: "Reject selected" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose a reason from the list." })).toBeVisible();
  await expect(item.getByRole("checkbox", { name: "Select Night Sky Kids" })).toBeChecked();
  await page.getByRole("button", { name: "Defer selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Deferred 1 item." })).toBeVisible();
  await expect(page.locator("[data-queue-item] h3").last()).toHaveText("Night Sky Kids"); // deferred: to the back
  await page.getByRole("article", { name: "Pixels & Prose" }).focus();
  await page.keyboard.press("d");
  await expect(page.locator("[data-queue-item] h3").last()).toHaveText("Pixels & Prose");
});
