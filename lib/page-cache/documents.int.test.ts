import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentAssets } from "@/components/site-shell";
import { db } from "@/lib/db";
import { createListing, createPost } from "@/lib/testing/fixtures";
import { documentRender } from "./documents";

const ASSETS: DocumentAssets = { headLinks: '<link rel="stylesheet" href="/_next/static/chunks/t.css" nonce="{nonce}" data-precedence="next"/>' };

describe("the door's documents, on the real database", () => {
  let assets: DocumentAssets | null = null;
  let server: Server;
  let base = "";
  beforeAll(async () => {
    // The door's render, with Next stood in for by an answer that says it was Next.
    const render = documentRender(
      () => assets,
      (_request, response) => response.writeHead(299, { "content-type": "text/plain" }).end("next"),
    );
    server = createServer((request, response) => void render(request, response));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = async (path: string) => {
    const answer = await fetch(`${base}${path}`, { headers: { "x-nonce": "TestNonce1" } });
    return { status: answer.status, type: answer.headers.get("content-type"), body: await answer.text() };
  };

  it("hands every page to Next until it knows the build's links", async () => {
    const listing = await createListing();
    const post = await createPost(listing.id);
    assets = null;
    expect(await get(`/posts/${post.id}`)).toMatchObject({ status: 299, body: "next" });
    expect(await get(`/blogs/${listing.slug}`)).toMatchObject({ status: 299, body: "next" });
  });

  it("writes a post, its blog, a category, a tag, home and search as documents with the response's nonce", async () => {
    assets = ASSETS;
    const listing = await createListing({ name: "Door Test Kitchen" });
    const post = await createPost(listing.id, { title: "Written by the door" });
    const category = await db.category.create({ data: { slug: `door-${Date.now().toString(36)}`, name: "Door Tests" } });
    const tag = await db.tag.create({ data: { slug: `door-${Date.now().toString(36)}`, name: "door tests" } });
    for (const [path, text] of [
      [`/tags/${tag.slug}`, "No blogs carry this tag yet."],
      [`/categories/${category.slug}`, "Door Tests blogs"],
      [`/posts/${post.id}`, "<h1 class=\"text-3xl font-bold leading-tight tracking-tight sm:text-4xl\">Written by the door</h1>"],
      [`/blogs/${listing.slug}`, "Door Test Kitchen"],
      ["/", "Find blogs worth following"],
      ["/search?q=door", "Search blogs and posts"],
    ]) {
      const answer = await get(path!);
      expect(answer, path).toMatchObject({ status: 200, type: "text/html; charset=utf-8" });
      expect(answer.body, path).toContain(text);
      expect(answer.body.startsWith("<!DOCTYPE html>"), path).toBe(true);
      expect(answer.body, path).toContain('<link rel="stylesheet" href="/_next/static/chunks/t.css" nonce="TestNonce1" data-precedence="next"/>');
      expect(answer.body, path).toContain('<meta name="blogatlas-cache-tags"');
    }
    expect((await get(`/posts/${post.id}`)).body).toContain('<script nonce="TestNonce1">');
  });

  it("hands Next what is no page (its 404) and what it cannot read", async () => {
    assets = ASSETS;
    for (const path of ["/posts/cmx0000000000000000000000", "/posts/not-an-id", "/blogs/no-such-blog", "/categories/no-such-category", "/categories/food?after=not-a-cursor", "/tags/no-such-tag", "/blogs/%E0%A4%A"]) {
      expect(await get(path), path).toMatchObject({ status: 299, body: "next" });
    }
  });
});
