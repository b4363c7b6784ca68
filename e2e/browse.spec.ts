import { brotliCompressSync, constants as zlib } from "node:zlib";
import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { firstPostPath } from "./support/posts";
import { withDatabase } from "./support/database";
import { signIn, unique } from "./support/sign-in";

test("a visitor walks from home to a category, a blog, a post and its original, then searches and reports a post", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("region", { name: "Categories" }).getByRole("link", { name: "Food & Drink" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Food & Drink blogs" })).toBeVisible();
  const blog = page.getByRole("region", { name: "Top blogs" }).getByRole("listitem").first().getByRole("link").first();
  const blogName = (await blog.textContent())!.trim();
  await blog.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(blogName);
  const post = page.getByRole("region", { name: "Latest posts" }).getByRole("article").first().getByRole("link").first();
  const postTitle = (await post.textContent())!.trim();
  await post.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(postTitle);
  const original = page.getByText(`This post first appeared on ${blogName}, please read the original post:`).getByRole("link", { name: /^here\b/ });
  const originalUrl = (await original.getAttribute("href"))!;
  expect(originalUrl).toMatch(/^https:\/\/[a-z0-9-]+\.example\//);
  // The original: a site of its own, which this machine cannot reach; the link is followed as far as the request.
  await page.route(originalUrl, (route) => route.fulfill({ contentType: "text/html", body: `<title>The original</title><h1>${postTitle}</h1>` }));
  await original.click();
  await expect(page).toHaveURL(originalUrl);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(postTitle);

  await page.getByRole("searchbox", { name: "Search blogs and posts" }).fill("bread");
  await page.getByRole("button", { name: "Search" }).first().click();
  await expect(page).toHaveURL(/\/search\?q=bread/);
  const found = page.getByRole("region", { name: "Posts" }).getByRole("listitem").first().getByRole("link").first();
  const foundTitle = (await found.textContent())!.trim();
  await found.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(foundTitle);
  await page.getByRole("link", { name: "Report this post" }).click();
  await page.getByLabel("Broken (wrong feed, dead links, garbled text)").check();
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you. Your report is with our moderators, who look at every one.");
});

test("a visitor goes from the home page to a blog, a post and the original", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Find blogs worth following" })).toBeVisible();
  const featured = page.getByRole("region", { name: /Featured Business Listings/ });
  await expect(featured.getByRole("article").first()).toBeVisible();
  await expect(featured.getByText("Business").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Categories" }).getByText("Technology")).toBeVisible();

  // Into a blog from "Newest blogs".
  const newest = page.getByRole("region", { name: "Newest blogs" }).getByRole("link").first();
  const blogName = (await newest.textContent())!.trim();
  await newest.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(blogName);
  await expect(page.getByText("Posting frequency")).toBeVisible();

  // Into its newest post.
  const postLink = page.getByRole("region", { name: "Latest posts" }).getByRole("article").first().getByRole("link").first();
  const postTitle = (await postLink.textContent())!.trim();
  await postLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(postTitle);

  // Full credit, and the original linked both for readers and for search engines.
  const credit = page.getByText(`This post first appeared on ${blogName}, please read the original post:`);
  await expect(credit).toBeVisible();
  // It reads "here", and tells screen readers and search engines where it goes.
  const original = credit.getByRole("link", { name: /^here\b/ });
  await expect(original).toContainText(`${postTitle}, on ${blogName}`);
  const href = await original.getAttribute("href");
  expect(href).toMatch(/^https:\/\/[a-z0-9-]+\.example\//);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", href!);
  await expect(page.getByRole("heading", { name: "Share the post" })).toBeVisible();
});

test("a free listing's post carries the upgrade banner, a Business Listing's does not", async ({ page }) => {
  await page.goto("/blogs/shipping-on-fridays");
  await page.getByRole("region", { name: "Latest posts" }).getByRole("article").first().getByRole("link").first().click();
  await expect(page.getByText("Get Even More Visitors To Your Blog, Upgrade To A Business Listing >>")).toBeVisible();

  await page.goto("/blogs/the-patient-compiler");
  await expect(page.getByRole("link", { name: "Hire me for a build audit" })).toHaveAttribute("rel", /sponsored/);
  await page.getByRole("region", { name: "Latest posts" }).getByRole("article").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Upgrade To A Business Listing")).toHaveCount(0);
});

test("a blog's older posts are a link away, twelve to a page", async ({ page }) => {
  await page.goto("/blogs/byte-sized-rust");
  const latest = page.getByRole("region", { name: "Latest posts" }).getByRole("article");
  await expect(latest).toHaveCount(12);
  const firstPage = await latest.getByRole("heading").allTextContents();
  await page.getByRole("navigation", { name: "Post pages" }).getByRole("link", { name: "Older posts →" }).click();
  await expect(page).toHaveURL(/\/blogs\/byte-sized-rust\?before=\d+_[a-z0-9]+$/);
  const older = page.getByRole("region", { name: "Older posts" }).getByRole("article");
  await expect(older.first()).toBeVisible();
  for (const title of await older.getByRole("heading").allTextContents()) expect(firstPage).not.toContain(title);
  await page.getByRole("link", { name: "← Latest posts" }).click();
  await expect(page).toHaveURL("/blogs/byte-sized-rust");
  expect((await page.goto("/blogs/byte-sized-rust?before=not-a-cursor"))?.status()).toBe(404);
});

test("pending listings and unknown addresses answer 404 with a way back", async ({ page }) => {
  for (const path of ["/blogs/pixels-and-prose", "/blogs/no-such-blog", "/posts/cmnosuchpost000000000000", "/posts/NOT%20AN%20ID"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  }
  await page.getByRole("link", { name: "Browse the directory from the home page" }).click();
  await expect(page).toHaveURL("/");
});

test("a claimed blog carries the verified badge beside its name; an unclaimed one does not", async ({ page }) => {
  await page.goto("/blogs/weeknight-table");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("✓ verified");
  await expect(page.getByRole("heading", { level: 1 }).getByTitle("Ownership verified")).toBeVisible();
  await page.goto("/blogs/crumb-and-crust");
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("verified");
});

test("a dormant blog keeps its archive readable and says why it went quiet", async ({ page }) => {
  await page.goto("/blogs/the-natural-wine-list");
  await expect(page.getByText(/Dormant since .*: the feed stopped answering; its archive stays here\./)).toBeVisible();
  await expect(page.getByRole("region", { name: "Latest posts" }).getByRole("article").first()).toBeVisible();
});

test("a visitor reports a post, and a missing reason is answered next to the field", async ({ page }) => {
  await page.goto("/blogs/shipping-on-fridays");
  await page.getByRole("region", { name: "Latest posts" }).getByRole("article").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/posts\//);
  await page.getByRole("link", { name: "Report this post" }).click();
  await expect(page.getByRole("heading", { name: "Report a problem" })).toBeVisible();
  await page.getByLabel("Details").fill("The same text appears on another blog, earlier.");
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Choose what is wrong.")).toBeVisible();
  // What was typed is still there: only the missing reason is asked for.
  await expect(page.getByLabel("Details")).toHaveValue("The same text appears on another blog, earlier.");
  await page.getByLabel("Spam or scraped content").check();
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you. Your report is with our moderators, who look at every one.");
});

test("feeds, robots.txt and structured data are served for crawlers and readers", async ({ page, request }) => {
  const rss = await request.get("/blogs/sourdough-diaries/rss.xml");
  expect(rss.status()).toBe(200);
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  expect(await rss.text()).toContain("<title>The Sourdough Diaries on BlogAtlas</title>");
  const atom = await request.get("/categories/food-drink/atom.xml");
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  const opml = await request.get("/categories/baking/opml.xml");
  expect(await opml.text()).toContain("xmlUrl=\"https://sourdough-diaries.example/feed.xml\"");
  const robots = await request.get("/robots.txt");
  const robotsText = await robots.text();
  expect(robotsText).toMatch(/Disallow: \/search/);
  expect(robotsText).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);
  const index = await (await request.get("/sitemap.xml")).text();
  expect(index).toContain("<sitemapindex");
  const postsSitemap = index.match(/<loc>http:\/\/localhost:\d+(\/sitemaps\/posts-0\.xml)<\/loc>/)![1]!;
  expect((await (await request.get(postsSitemap)).text()).match(/<url>/g)!.length).toBeGreaterThan(600);

  await page.goto("/blogs/sourdough-diaries");
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", /\/blogs\/sourdough-diaries\/rss\.xml$/);
  await page.getByRole("region", { name: "Latest posts" }).getByRole("article").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/posts\//);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  const ogImage = (await page.locator('meta[property="og:image"]').getAttribute("content"))!;
  const image = await request.get(new URL(ogImage).pathname + new URL(ogImage).search);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect((await image.body()).subarray(1, 4).toString()).toBe("PNG");
  const postData = await structuredData(page);
  expect(postData.BlogPosting).toMatchObject({ isBasedOn: await page.locator('link[rel="canonical"]').getAttribute("href") });
  expect(postData.BreadcrumbList?.itemListElement.map((item: { name: string }) => item.name)).toEqual(["BlogAtlas", "The Sourdough Diaries", await page.getByRole("heading", { level: 1 }).textContent()]);

  // The site with its search, each blog (its own address, not ours) and each category's place in the tree.
  await page.goto("/");
  expect((await structuredData(page)).WebSite).toMatchObject({ potentialAction: { "@type": "SearchAction", target: { urlTemplate: expect.stringMatching(/\/search\?q=\{search_term_string\}$/) } } });
  await page.goto("/blogs/sourdough-diaries");
  const blogData = await structuredData(page);
  expect(blogData.Blog).toMatchObject({ name: "The Sourdough Diaries", url: "https://sourdough-diaries.example" });
  expect(blogData.BreadcrumbList?.itemListElement.at(-1)).toMatchObject({ position: 3, name: "The Sourdough Diaries", item: expect.stringMatching(/\/blogs\/sourdough-diaries$/) });
  await page.goto("/categories/baking");
  expect((await structuredData(page)).BreadcrumbList?.itemListElement.map((item: { name: string }) => item.name)).toEqual(["BlogAtlas", "Food & Drink", "Baking"]);
});

/** The page's JSON-LD objects by their @type. */
type Structured = Record<string, unknown> & { itemListElement: Array<{ name: string; position: number; item: string }> };
async function structuredData(page: Page): Promise<Record<string, Structured | undefined>> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return Object.fromEntries(scripts.map((text) => JSON.parse(text)).map((data) => [data["@type"], data]));
}

test("a visitor browses a category: featured Business Listings, the ranked blogs, a subcategory, then a blog", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("region", { name: "Categories" }).getByRole("link", { name: "Food & Drink" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Food & Drink blogs" })).toBeVisible();
  await expect(page.getByText("payment never changes this order")).toBeVisible();
  const ranking = page.getByRole("region", { name: "Top blogs" });
  await expect(ranking.getByRole("listitem").first()).toBeVisible();
  await page.getByRole("list", { name: "Subcategories" }).getByRole("link", { name: "Baking" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Baking blogs" })).toBeVisible();
  await expect(page.getByRole("region", { name: /Featured Business Listings/ }).getByText("Crumb & Crust")).toBeVisible();
  const first = page.getByRole("region", { name: "Top blogs" }).getByRole("listitem").first().getByRole("link").first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  expect((await page.goto("/categories/baking?after=not-a-cursor"))?.status()).toBe(404);

  // From a blog to one of its tags.
  await page.goto("/blogs/sourdough-diaries");
  const tag = page.locator("dt:has-text('Tags') + dd a").first();
  const tagName = (await tag.textContent())!.trim();
  await tag.click();
  await expect(page.getByRole("heading", { level: 1, name: `Blogs tagged “${tagName}”` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Top blogs" }).getByText("The Sourdough Diaries")).toBeVisible();
});

test("a reader subscribes to a blog from a post, after a bad address is answered next to the field", async ({ page }) => {
  // A member's post page comes from Next with React around it; the form and its script are the
  // same as on a visitor's document (driven in the document test below).
  await signIn(page, "subscribing-member@example.org");
  await page.goto("/blogs/weeknight-table");
  await page.getByRole("region", { name: "Latest posts" }).getByRole("article").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/posts\//);
  expect(await page.evaluate(() => "__next_f" in self), "a member's page carries React").toBe(true);
  await subscribeAfterABadAddress(page.getByRole("region", { name: "Subscribe to The Weeknight Table: Get updates delivered right to your inbox!" }), "reader@example.org");
  await expect(page.getByRole("region", { name: "Related posts" }).getByRole("article").first()).toBeVisible();
});

test("a reader copies a post's link, or shares it through the browser's share sheet where there is one", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  // A member first: the page comes from Next with React, and the page's own script draws the controls.
  await signIn(page, "sharing-member@example.org");
  await page.goto("/blogs/weeknight-table");
  await page.getByRole("region", { name: "Latest posts" }).getByRole("article").first().getByRole("link").first().click();
  await page.waitForURL(/\/posts\//);
  expect(await page.evaluate(() => "__next_f" in self), "a member's page carries React").toBe(true);
  const postUrl = page.url().split("?")[0]!;
  const share = page.getByRole("region", { name: "Share the post" });
  await share.getByRole("button", { name: "Copy link" }).click();
  await expect(share.getByRole("status")).toHaveText("Link copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(postUrl);
  // Desktop Chromium on Linux has no share sheet: no button that would do nothing.
  await expect(share.getByRole("button", { name: "Share…" })).toHaveCount(0);

  // Where the browser has one (a phone), the sheet gets the title and the address; where the
  // clipboard is refused, the address is shown to copy by hand.
  // Then visitors, whose post page is a document written by the door (the same script draws the controls).
  const visitors = await browser.newContext();
  const phone = await visitors.newPage();
  await phone.addInitScript(() => {
    const calls: unknown[] = [];
    Object.assign(window, { __shared: calls });
    Object.defineProperty(navigator, "share", { value: async (data: unknown) => void calls.push(data) });
    Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new DOMException("refused", "NotAllowedError")) } });
  });
  await phone.goto(postUrl);
  const title = (await phone.getByRole("heading", { level: 1 }).textContent())!;
  const phoneShare = phone.getByRole("region", { name: "Share the post" });
  await phoneShare.getByRole("button", { name: "Share…" }).click();
  expect(await phone.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared)).toEqual([{ title, url: postUrl }]);
  await phoneShare.getByRole("button", { name: "Copy link" }).click();
  await expect(phoneShare.getByLabel("Copy this address:")).toHaveValue(postUrl);
  expect(postUrl.startsWith(baseURL!)).toBe(true);
  await visitors.close();
  await context.close();
});

test("a post page is a document: under 100 KB of JavaScript, compressed, and everything on it works without React", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  const postPath = await firstPostPath(page);

  // A reader arriving from a link elsewhere (a search engine, a share): a fresh page, nothing cached.
  const reader = await context.newPage();
  const scripts: Array<{ url: string; bytes: number }> = [];
  const errors: string[] = [];
  reader.on("requestfinished", async (request) => {
    if (request.resourceType() === "script") scripts.push({ url: request.url(), bytes: (await request.sizes()).responseBodySize });
  });
  reader.on("pageerror", (error) => errors.push(error.message));
  reader.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
  await reader.goto(postPath, { waitUntil: "networkidle" });
  // The page's inline scripts travel inside the compressed page: counted at the door's compression.
  const inline = await reader.evaluate(() => [...document.querySelectorAll("script:not([src]):not([type='application/ld+json'])")].map((script) => script.textContent ?? "").join(""));
  const inlineBytes = brotliCompressSync(inline, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } }).length;
  const total = scripts.reduce((sum, script) => sum + script.bytes, 0) + inlineBytes;
  console.log(`post page JavaScript: ${scripts.length} files, ${(total / 1024).toFixed(1)} KB compressed (${inlineBytes} bytes inline)`);
  expect(total).toBeLessThan(100 * 1024);
  expect(scripts.map((script) => script.url)).toEqual([]);
  expect(await reader.evaluate(() => "__next_f" in self)).toBe(false);

  // Copy link, from the page's own script.
  const share = reader.getByRole("region", { name: "Share the post" });
  await share.getByRole("button", { name: "Copy link" }).click();
  await expect(share.getByRole("status")).toHaveText("Link copied.");
  expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${postPath}`);

  // The subscribe form's script sends it and puts the answer next to the field.
  await subscribeAfterABadAddress(reader.getByRole("region", { name: /^Subscribe to The Weeknight Table/ }), "document-reader@example.org");
  expect(errors).toEqual([]);
  await context.close();
});

test("without JavaScript, the subscribe form posts and comes back to the post with the answer", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const postPath = await firstPostPath(page);
  await page.goto(postPath);
  const box = page.getByRole("region", { name: /^Subscribe to The Weeknight Table/ });
  await box.getByLabel("Your e-mail address").fill("not an address");
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(`${postPath}?subscription=invalid#subscribe`);
  await expect(box.getByText("That e-mail address does not look right.")).toBeVisible();
  await expect(box.getByLabel("Your e-mail address")).toHaveAttribute("aria-invalid", "true");
  const email = unique("no-script-reader");
  await box.getByLabel("Your e-mail address").fill(email);
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(`${postPath}?subscription=pending#subscribe`);
  await expect(box.getByRole("status")).toContainText("Almost done: your subscription is recorded");
  expect(await withDatabase((client) => client.query(`SELECT status FROM "EmailSubscription" WHERE email = $1`, [email]))).toMatchObject({ rows: [{ status: "PENDING" }] });
  await context.close();
});

// A visitor's document (written by the door) and a member's React page (rendered by Next) must say
// the same: every head element, the main text, every link, image, form control and JSON-LD block.
// One test a page, so a slow machine times out one page, and a difference names its page.
test.describe("a visitor's document and a member's React page say the same, in the head and on the page", () => {
  let memberState: Awaited<ReturnType<BrowserContext["storageState"]>>;
  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext();
    await signIn(await context.newPage(), unique("comparing-member"));
    memberState = await context.storageState();
    await context.close();
  });

  const pages: [string, (reader: Page) => Promise<string>][] = [
    ["home", async () => "/"],
    ["a post", (reader) => firstPostPath(reader)],
    ["a blog", async () => "/blogs/weeknight-table"],
    ["a category", async () => "/categories/baking"],
    ["a tag", async (reader) => {
      await reader.goto("/blogs/sourdough-diaries");
      return (await reader.locator("dt:has-text('Tags') + dd a").first().getAttribute("href"))!;
    }],
    ["a search with a filter", async () => "/search?q=bread&lang=en"],
    ["a search that finds nothing", async () => "/search?q=zzzzqx"],
    ["a search with a bad filter", async () => "/search?q=bread&from=not-a-date"],
  ];
  for (const [name, pathOf] of pages) {
    test(name, async ({ browser }) => {
      const visitors = await browser.newContext();
      const reader = await visitors.newPage();
      const members = await browser.newContext({ storageState: memberState });
      const member = await members.newPage();
      const path = await pathOf(reader);
      // Read afresh (an address no cache holds), both within moments: the lists move as the other tests browse.
      await expect(async () => {
        const fresh = `${path}${path.includes("?") ? "&" : "?"}compare=${Math.random().toString(36).slice(2)}`;
        await member.goto(fresh);
        await reader.goto(fresh);
        expect(await member.evaluate(() => "__next_f" in self), `a member's page carries React: ${path}`).toBe(true);
        expect(await reader.evaluate(() => "__next_f" in self), `a visitor's page is a document: ${path}`).toBe(false);
        const [fromReact, fromDoor] = [await readComparable(member), await readComparable(reader)];
        expect(fromDoor, path).toEqual(fromReact);
        expect(fromDoor.head.length, path).toBeGreaterThan(5);
      }).toPass({ timeout: 20_000 });
      await visitors.close();
      await members.close();
    });
  }
});

/** What a page says, in a form two renders of it can be compared by (nonces and React's hints left out). */
function readComparable(page: Page) {
  return page.evaluate(() => {
    const described = (element: Element) => [element.tagName.toLowerCase(), ...[...element.attributes].filter((attribute) => attribute.name !== "nonce" && attribute.name !== "data-precedence").map((attribute) => `${attribute.name}=${attribute.value}`).sort()].join(" ");
    const head = [...document.head.querySelectorAll("title, meta, link")].filter((element) => !(element.tagName === "LINK" && /^(preload|modulepreload|expect)$/.test(element.getAttribute("rel") ?? "")));
    const main = document.querySelector("main")!;
    return {
      head: head.map((element) => (element.tagName === "TITLE" ? `title ${element.textContent}` : described(element))).sort(),
      text: main.innerText,
      controls: [...main.querySelectorAll("a, img, form, input, select, option, button, script[type='application/ld+json']")].map((element) => (element.tagName === "SCRIPT" ? element.textContent : described(element))),
    };
  });
}

/** A bad address is answered next to the field and stays there to mend; the good one is recorded. */
async function subscribeAfterABadAddress(box: Locator, email: string) {
  await box.getByLabel("Your e-mail address").fill("not an address");
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(box.getByText("That e-mail address does not look right.")).toBeVisible();
  await expect(box.getByLabel("Your e-mail address")).toHaveValue("not an address");
  await box.getByLabel("Your e-mail address").fill(email);
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(box.getByRole("status")).toContainText(`your subscription for ${email} is recorded`);
}
