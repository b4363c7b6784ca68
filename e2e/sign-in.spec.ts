// Sign-in through the real magic-link mail (captured by the in-process SMTP server), the guards
// around it, and the abuse it must withstand (security.md 12-15).
import { expect, type Page, test } from "@playwright/test";
import { withDatabase } from "./support/database";
import { signIn, unique } from "./support/sign-in";

test("a visitor signs in with the link mailed to them, sees their account, and signs out", async ({ page }) => {
  const email = unique("reader");
  await signIn(page, email);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText(email).first()).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: email })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
});

test("a member deletes their account: a mistyped confirmation stays to mend, then the account and its sign-in are gone", async ({ page }) => {
  const email = unique("leaving");
  await signIn(page, email);
  const confirm = page.getByLabel("Type delete to confirm");
  await confirm.fill("delet");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Type delete to confirm.")).toBeVisible();
  await expect(confirm).toHaveValue("delet");
  await confirm.fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/account\/deleted$/);
  await expect(page.getByRole("heading", { name: "Your account is deleted" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  expect(await withDatabase((client) => client.query(`SELECT 1 FROM "User" WHERE email = $1`, [email]))).toMatchObject({ rowCount: 0 });
});

test("a used or forged sign-in link explains itself and offers a new one", async ({ page }) => {
  await page.goto("/api/auth/callback/email?token=forged&email=someone%40blogatlas.example");
  await expect(page.getByText(/This sign-in link has expired or was already used/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new sign-in link" })).toBeVisible();
});

test("the first admins come from ADMIN_EMAILS", async ({ page }) => {
  await signIn(page, "first-admin@blogatlas.example");
  await expect(page.getByText("Administrator")).toBeVisible();
});

test("a banned user's session stops working at once (security.md 12)", async ({ page }) => {
  const email = unique("banned");
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await withDatabase((client) => client.query(`UPDATE "User" SET "bannedAt" = now(), "banReason" = 'spam' WHERE email = $1`, [email]));
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("odd addresses are refused next to the field, before any mail is sent (security.md 13)", async ({ page, request, baseURL }) => {
  await page.goto("/signin");
  for (const odd of ['"quoted"@blogatlas.example', "a@blogatlas.example,b@blogatlas.example", "name＠blogatlas.example"]) {
    await page.getByLabel("Your e-mail address").fill(odd);
    await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
    await expect(page.getByText("Enter one plain e-mail address, such as name@example.com.")).toBeVisible();
  }
  const answer = await request.post("/api/auth/signin/email", { form: { email: '"x y"@blogatlas.example' }, headers: { origin: baseURL! } });
  expect(answer.status()).toBe(400);
});

test("a flood of sign-in links answers 429, the same for known and unknown addresses (security.md 14)", async ({ request, baseURL }) => {
  // tom@example.com is a demo account; the other address belongs to nobody.
  for (const email of ["tom@example.com", unique("nobody")]) {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await request.post("/api/auth/signin/email", { form: { email }, headers: { origin: baseURL! }, maxRedirects: 0 })).status());
    expect(statuses.slice(0, 5), email).not.toContain(429);
    expect(statuses[5], email).toBe(429);
  }
});

test("a cross-site sign-in request is refused (security.md 15)", async ({ request }) => {
  const answer = await request.post("/api/auth/signin/email", { form: { email: unique("victim") }, headers: { origin: "https://evil.example" } });
  expect(answer.status()).toBe(403);
  const noOrigin = await request.post("/api/auth/signin/email", { form: { email: unique("victim") } });
  expect(noOrigin.status()).toBe(403);
});

test("a form posted with Origin: null is refused and changes nothing, by the subscribe route handlers and by a server action (security.md 15)", async ({ page }) => {
  // The post and blog pages' subscribe forms post to route handlers (through the page's script);
  // the report form is a server action, which React posts with fetch. All are forged.
  await forgeSubscription(page, "a post page");
  await forgeSubscription(page, "a blog page");
  await signIn(page, unique("forging-member"));
  await forgeSubscription(page, "a member's blog page");
  await forgeReport(page);
});

/** Replaces the Origin of the browser's own POSTs to `path` as a sandboxed iframe or a data: page would send it; the answers' statuses. */
async function forgeOrigin(page: Page, path: RegExp): Promise<number[]> {
  const answers: number[] = [];
  await page.route(path, async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const answer = await route.fetch({ headers: { ...request.headers(), origin: "null" } });
    answers.push(answer.status());
    return route.fulfill({ response: answer });
  });
  return answers;
}

async function forgeSubscription(page: Page, where: string) {
  const email = unique("forged-origin");
  await page.goto("/blogs/weeknight-table");
  if (where === "a post page") {
    await page.getByRole("region", { name: "Latest posts" }).getByRole("article").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/posts\//);
  }
  const answers = await forgeOrigin(page, /\/subscribe$/);
  const box = page.getByRole("region", { name: /^Subscribe to / });
  await box.getByLabel("Your e-mail address").fill(email);
  await box.getByRole("button", { name: "Subscribe" }).click();
  // The server's answer has arrived (before the test looks at the database) and it is a refusal.
  await expect.poll(() => answers.length, where).toBe(1);
  expect(answers[0], where).toBe(403);
  await expect(box.getByText("Your subscription did not go through. Please try again.")).toBeVisible();
  expect(await withDatabase((client) => client.query(`SELECT 1 FROM "EmailSubscription" WHERE email = $1`, [email])), where).toMatchObject({ rowCount: 0 });
  await page.unrouteAll();
}

async function forgeReport(page: Page) {
  const details = `forged ${unique("report")}`;
  await page.goto("/report?blog=weeknight-table");
  const answers = await forgeOrigin(page, /\/report/);
  await page.getByLabel("Broken (wrong feed, dead links, garbled text)").check();
  await page.getByLabel("Details").fill(details);
  await page.getByRole("button", { name: "Send report" }).click();
  await expect.poll(() => answers.length, "the report form").toBe(1);
  expect(answers[0], "the report form").toBeGreaterThanOrEqual(400);
  expect(await withDatabase((client) => client.query(`SELECT 1 FROM "Report" WHERE details = $1`, [details]))).toMatchObject({ rowCount: 0 });
  await page.unrouteAll();
}

test("GitHub sign-in, on because its settings are present, sends the browser to GitHub's authorization page for this app", async ({ page, baseURL }) => {
  let authorize: URL | undefined;
  // GitHub itself is out of reach here: the request is caught at its door and looked at.
  await page.route("https://github.com/**", (route) => {
    authorize = new URL(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/plain", body: "GitHub" });
  });
  await page.goto("/signin?callbackUrl=%2Fdashboard");
  await expect(page.getByRole("button", { name: "Sign in with Google" })).toHaveCount(0); // not configured
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect.poll(() => authorize?.pathname).toBe("/login/oauth/authorize");
  expect(authorize!.searchParams.get("client_id")).toBe("e2e-github-client");
  expect(authorize!.searchParams.get("redirect_uri")).toBe(`${baseURL}/api/auth/callback/github`);
  expect(authorize!.searchParams.get("scope")).toContain("user:email");
  expect(authorize!.searchParams.get("state")).toBeTruthy();
});
