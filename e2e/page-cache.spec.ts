// The page cache (lib/page-cache) as a visitor meets it: pages are served again with a fresh CSP
// nonce each time, a change made by the feed worker shows at once, and reading a post counts a view.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { runScript } from "../lib/testing/run-script";
import { e2eDatabaseUrl, withDatabase } from "./support/database";

async function feedCli(args: string[], env: Record<string, string>): Promise<string> {
  const { code, output } = await runScript("scripts/feed.ts", args, env);
  if (code !== 0) throw new Error(`feed ${args.join(" ")} exited ${code}: ${output}`);
  return output;
}

const nonceOf = (policy: string | undefined) => policy?.match(/'nonce-([^']+)'/)?.[1];

test("a cached page comes back with a fresh nonce, and a new post from the worker shows on the next visit", async ({ request, page }) => {
  const suffix = Math.random().toString(36).slice(2, 8);
  let titles = ["First light"];
  const server = http.createServer((_request, response) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const items = titles.map((title, index) => `<item><guid>${suffix}-${index}</guid><link>${origin}/${index}</link><title>${title}</title><pubDate>${new Date(Date.now() - index * 60_000).toUTCString()}</pubDate><description>About ${title}.</description></item>`);
    response.writeHead(200, { "content-type": "application/rss+xml" }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Cache Watch ${suffix}</title><link>${origin}/</link><description>d</description>${items.join("")}</channel></rss>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const env = { DATABASE_URL: e2eDatabaseUrl(), INGEST_ALLOW_HOSTS: `127.0.0.1:${port}` };
  try {
    await feedCli(["add", `http://127.0.0.1:${port}/feed.xml`], env);
    const path = `/blogs/cache-watch-${suffix}`;

    // Rendered once, then served from the cache: the same page, each time with its own nonce.
    await expect.poll(async () => (await request.get(path)).headers()["x-page-cache"], { timeout: 10_000 }).toBe("hit");
    const answers = [await request.get(path), await request.get(path)];
    expect(answers.map((answer) => answer.headers()["x-page-cache"])).toEqual(["hit", "hit"]);
    const nonces = answers.map((answer) => nonceOf(answer.headers()["content-security-policy"])!);
    expect(nonces[0]).not.toBe(nonces[1]);
    const [first, second] = [await answers[0]!.text(), await answers[1]!.text()];
    expect(second).toContain(`nonce="${nonces[1]}"`);
    expect(second).not.toContain(nonces[0]);
    expect(second.replaceAll(nonces[1]!, "N")).toBe(first.replaceAll(nonces[0]!, "N"));

    // The worker finds a new post: the blog page shows it on the very next visit.
    titles = ["Second wind", ...titles];
    await feedCli(["check", `cache-watch-${suffix}`], env);
    await expect(async () => {
      await page.goto(path);
      await expect(page.getByRole("link", { name: "Second wind" })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
  } finally {
    server.close();
  }
});

test("reading a post counts one view for the day; a reload within the half hour does not", async ({ browser, page }) => {
  // A post of a blog no other test reads: the newest post on the home page is read by tests running
  // beside this one (the hostile feed's, once mirrored), and their views would count here too.
  await page.goto("/blogs/the-mystery-shelf");
  const postPath = await page.locator('main a[href^="/posts/"]').first().getAttribute("href");
  const postId = postPath!.split("/").pop()!;
  // Chromium here calls itself HeadlessChrome, which the counter takes for a robot: read as a person would.
  const context = await browser.newContext({ userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0 Safari/537.36" });
  const reader = await context.newPage();
  try {
    await withDatabase(async (client) => {
      const views = async () => (await client.query<{ n: number }>(`SELECT coalesce(sum(views), 0)::int AS n FROM "PostDailyStat" WHERE "postId" = $1`, [postId])).rows[0]!.n;
      const before = await views();
      await reader.goto(postPath!);
      await reader.reload();
      await expect.poll(views, { timeout: 15_000 }).toBe(before + 1);
    });
  } finally {
    await context.close();
  }
});

test("the web process compresses pages, hits included, and a client cannot pass itself off as the door's own render", async ({ baseURL }) => {
  const path = "/blogs/weeknight-table";
  const get = (headers: Record<string, string>) => fetch(`${baseURL}${path}`, { headers }); // fetch undoes gzip and brotli itself
  await expect.poll(async () => (await get({})).headers.get("x-page-cache"), { timeout: 10_000 }).toBe("hit");
  for (const encoding of ["br", "gzip"]) {
    const answer = await get({ "accept-encoding": encoding });
    expect(answer.headers.get("x-page-cache")).toBe("hit");
    expect(answer.headers.get("content-encoding")).toBe(encoding);
    expect(answer.headers.get("vary")).toContain("Accept-Encoding");
    const body = await answer.text();
    expect(body).toContain("Weeknight Table");
    expect(body).toContain(`nonce="${nonceOf(answer.headers.get("content-security-policy") ?? undefined)}"`);
  }
  // The mark the door puts on the misses it hands to Next does not make it render for a client.
  const forged = await get({ "x-page-cache": "render" });
  expect(forged.headers.get("x-page-cache")).toBe("hit");
  // Static files are compressed on the way out too.
  const stylesheet = (await (await fetch(`${baseURL}/`)).text()).match(/href="(\/_next\/static\/chunks\/[^"]+\.css)"/)![1]!;
  expect((await fetch(`${baseURL}${stylesheet}`, { headers: { "accept-encoding": "gzip" } })).headers.get("content-encoding")).toBe("gzip");
});
