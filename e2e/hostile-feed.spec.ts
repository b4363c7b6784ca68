// A hostile blog is mirrored through the real pipeline (npm run feed -- add, against the e2e
// server's database) and its post page is opened in Chromium: nothing it carried may run
// (security.md 22).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { runScript } from "../lib/testing/run-script";
import { e2eDatabaseUrl } from "./support/database";

const PAYLOADS = [
  `<script>window.__pwned = "script"</script>`,
  `<img src="/x.png" onerror="window.__pwned = 'onerror'">`,
  `<a href="javascript:window.__pwned='href'" id="js-link">click me</a>`,
  `<svg onload="window.__pwned='svg'"><script>window.__pwned='svg-script'</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'"></style></mglyph></table></mtext></math>`,
  `<iframe src="javascript:parent.__pwned='iframe'"></iframe>`,
  `<object data="data:text/html,<script>parent.__pwned='object'</script>"></object>`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__pwned='meta'">`,
  `<p style="background:url(javascript:window.__pwned='css')" onmouseover="window.__pwned='hover'">Hover over this paragraph.</p>`,
  `<img src="data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned='data-svg'"/>`).toString("base64")}">`,
  `<form action="javascript:window.__pwned='form'"><button id="submit-me">Submit</button></form>`,
];

function hostileFeed(origin: string, title: string): string {
  const html = `<p>Welcome to a perfectly normal post.</p>${PAYLOADS.join("\n")}<p>The end.</p>`;
  const escaped = html.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>${origin}/</link><description>d</description>
    <item><guid>hostile-1</guid><link>${origin}/hostile</link><title>A post with surprises</title><pubDate>${new Date().toUTCString()}</pubDate><description>${escaped}</description></item>
  </channel></rss>`;
}

const run = (args: string[], env: Record<string, string>) => runScript("scripts/feed.ts", args, env);

test("no script carried by a mirrored post runs on its page", async ({ page }) => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const slug = `totally-normal-blog-${suffix}`;
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/rss+xml" }).end(hostileFeed(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, `Totally Normal Blog ${suffix}`));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    const added = await run(["add", `http://127.0.0.1:${port}/feed.xml`, "--category", "technology"], { DATABASE_URL: e2eDatabaseUrl(), INGEST_ALLOW_HOSTS: `127.0.0.1:${port}` });
    expect(added.output).toContain(`listed /blogs/${slug} (active), 1 posts mirrored`);
    expect(added.code).toBe(0);
  } finally {
    server.close();
  }

  // Any payload that runs assigns window.__pwned: report it to the test, whatever page it ran in.
  const pwned: string[] = [];
  await page.exposeBinding("reportPwned", (_source, value: string) => void pwned.push(value));
  await page.addInitScript(() => {
    Object.defineProperty(window, "__pwned", {
      set: (value: string) => (window as unknown as { reportPwned(value: string): void }).reportPwned(value),
      configurable: false,
    });
  });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Found through search first: the results are plain links (decision 011), so every way to the
  // post is a full load, where the browser's own parser meets the content.
  await page.goto(`/search?q=${encodeURIComponent("perfectly normal surprises")}`);
  await page.getByRole("listitem").filter({ hasText: `Totally Normal Blog ${suffix}` }).getByRole("link", { name: "A post with surprises" }).click();
  // The results' snippet has the same words: wait for the post page itself.
  await expect(page).toHaveURL(/\/posts\//);
  const article = page.locator("article .prose");
  await expect(article).toHaveCount(1);
  await expect(article.getByText("Welcome to a perfectly normal post.")).toBeVisible();
  await expect(article.getByText("The end.")).toBeVisible();

  // Then from the blog page's card, and again.
  await page.goto(`/blogs/${slug}`);
  await page.getByRole("link", { name: "A post with surprises" }).click();
  await expect(page).toHaveURL(/\/posts\//);
  await expect(article.getByText("The end.")).toBeVisible();
  await page.reload();
  await expect(article.getByText("The end.")).toBeVisible();
  // Try to trigger whatever might have survived.
  await article.getByText("Hover over this paragraph.").hover();
  await article.getByText("click me").click();
  await page.waitForTimeout(500);

  expect(pwned).toEqual([]);
  expect(dialogs).toEqual([]);
  await expect(page).toHaveURL(/\/posts\//);
  await expect(article).toHaveCount(1);
  expect(await article.locator("script, iframe, object, embed, svg, math, form, style, meta").count()).toBe(0);
  const handlers = await article.evaluate((root) =>
    [...root.querySelectorAll("*")].flatMap((element) => [...element.attributes].filter((attribute) => /^on|^style$/i.test(attribute.name)).map((attribute) => attribute.name)),
  );
  expect(handlers).toEqual([]);
  const hrefs = await article.locator("a[href]").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
  for (const href of hrefs) expect(href).toMatch(/^https?:/);
});
