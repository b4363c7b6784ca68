import { parse } from "parse5";
import { attr, type Element, elementsOf, textOf } from "@/lib/testing/parsed-html";
import { describe, expect, it, vi } from "vitest";
import type { TPostCard, TPostPage } from "@/lib/posts/selects";
import { documentAssetsOf } from "@/lib/page-cache/documents";
import { htmlText } from "./html";
import { postArticle, postDocument } from "./post-page";
import { subscribeBoxBody, subscribeStateOf } from "./subscribe-box";

// Absolute addresses come from the settings (APP_URL left at its default, http://localhost:3000).
vi.hoisted(() => {
  process.env.DATABASE_URL ??= "postgresql://u:p@localhost:5432/db";
  process.env.NEXTAUTH_SECRET ??= "x".repeat(32);
});

// What a hostile feed could put in a post's and a blog's fields.
const EVIL = `"><script>alert(1)</script><img src=x onerror="alert(2)">&amp;</title></head>`;

const post = {
  id: "p1aaaaaaaaaaaaaaaaaaaaaa",
  url: "https://evil.example/p/1?a=1&b=2",
  title: `Title ${EVIL}`,
  authors: [`Ann ${EVIL}`, "Bo"],
  publishedAt: new Date("2026-11-02T10:00:00Z"),
  feedUpdatedAt: new Date("2026-11-03T10:00:00Z"),
  contentHtml: "<p>Sanitized <em>content</em>.</p>",
  excerpt: `Excerpt ${EVIL}`,
  imageUrl: null,
  readingMinutes: 3,
  blog: { id: "b1aaaaaaaaaaaaaaaaaaaaaa", slug: "evil-blog", name: `Blog ${EVIL}`, tier: "FREE", mirrorMode: "FULL", siteUrl: "https://evil.example/", iconUrl: null, verifiedAt: null },
} as TPostPage;
const related = [{ id: "p2", title: "Another", excerpt: "More", imageUrl: null, publishedAt: new Date("2026-11-01T00:00:00Z"), readingMinutes: 1, authors: [], blog: { slug: "other", name: "Other", tier: "FREE" } }] as TPostCard[];
const assets = { headLinks: '<link rel="stylesheet" href="/_next/static/chunks/a1.css" nonce="{nonce}" data-precedence="next"/><link rel="icon" href="/icon.svg?icon.x.svg" sizes="any" type="image/svg+xml"/>' };

describe("a post page written as markup", () => {
  const document = parse(postDocument({ post, related }, { nonce: "N0nce", subscribe: { status: "idle" }, assets }));
  const all = elementsOf(document);
  const head = all.find((element) => element.tagName === "head")!;
  const article = all.find((element) => element.tagName === "article")!;
  const meta = (key: string) => attr(elementsOf(head).find((element) => attr(element, "property") === key || attr(element, "name") === key)!, "content");

  it("keeps a hostile post's words as text in the head and the page, and runs only its own scripts, with the nonce", () => {
    expect(textOf(elementsOf(head).find((element) => element.tagName === "title")!)).toBe(`${post.title} (${post.blog.name}) · BlogAtlas`);
    expect(meta("og:title")).toBe(post.title);
    expect(meta("description")).toBe(post.excerpt);
    expect(meta("article:author")).toBe(post.authors[0]);
    expect(textOf(all.find((element) => element.tagName === "h1")!)).toBe(post.title);
    const scripts = all.filter((element) => element.tagName === "script");
    expect(scripts.map((script) => attr(script, "type") ?? attr(script, "nonce"))).toEqual(["application/ld+json", "application/ld+json", "N0nce", "N0nce"]);
    // The structured data reads back whole: no text ended its script early.
    expect(JSON.parse(textOf(scripts[0]!))).toMatchObject({ "@type": "BlogPosting", headline: post.title, isBasedOn: post.url, author: [{ name: post.authors[0] }, { name: "Bo" }] });
    expect(all.filter((element) => element.tagName === "img")).toEqual([]);
    expect(attr(elementsOf(head).find((element) => attr(element, "rel") === "stylesheet")!, "nonce")).toBe("N0nce");
  });

  it("names the original as canonical, and the page cache's tags and the post's own image", () => {
    expect(attr(elementsOf(head).find((element) => attr(element, "rel") === "canonical")!, "href")).toBe(post.url);
    expect(meta("blogatlas-cache-tags")).toBe(`blog:${post.blog.id} post:${post.id}`);
    expect(meta("og:image")).toBe(`http://localhost:3000/posts/${post.id}/image`);
    expect(meta("twitter:card")).toBe("summary_large_image");
  });

  it("reads in product.md's order: banner, title, byline, content, credit with the original, share, subscribe, related, report", () => {
    const order = elementsOf(article)
      .filter((element) => ["p", "h1", "h2", "div"].includes(element.tagName) && element.parentNode === article)
      .map((element) => (element.tagName === "h1" ? "h1" : textOf(element).slice(0, 24)));
    expect(order[0]).toBe("Get Even More Visitors T");
    const sections = elementsOf(article).filter((element) => element.tagName === "section").map((element) => attr(element, "aria-labelledby"));
    expect(sections).toEqual(["share", "subscribe-title", "related"]);
    const text = textOf(article);
    const at = (part: string) => text.indexOf(part);
    expect(at(post.title)).toBeLessThan(at("By Ann"));
    expect(at("By Ann")).toBeLessThan(at("Sanitized content."));
    expect(at("Sanitized content.")).toBeLessThan(at(`This post first appeared on ${post.blog.name}, please read the original post: here`));
    expect(at("please read the original post")).toBeLessThan(at("Share the post"));
    expect(at("Share the post")).toBeLessThan(at(`Subscribe to ${post.blog.name}: Get updates delivered right to your inbox!`));
    expect(at("Get updates delivered")).toBeLessThan(at("Related posts"));
    expect(at("Related posts")).toBeLessThan(at("Report this post"));
    const here = elementsOf(article).find((element) => element.tagName === "a" && textOf(element).startsWith("here"))!;
    expect(attr(here, "href")).toBe(post.url);
  });

  it("shows the excerpt where the owner chose it, no banner on a Business Listing, and links an original of another scheme to the blog", () => {
    const page = { ...post, url: "javascript:alert(1)", blog: { ...post.blog, tier: "BUSINESS", mirrorMode: "EXCERPT" } } as TPostPage;
    const found = elementsOf(parse(htmlText(postArticle({ post: page, related: [] }, { nonce: "n", subscribe: { status: "idle" } }))));
    const text = found.map(textOf).join(" ");
    expect(text).not.toContain("Sanitized content");
    expect(text).toContain(post.excerpt);
    expect(text).not.toContain("Upgrade To A Business Listing");
    expect(text).not.toContain("Related posts");
    expect(attr(found.find((element) => element.tagName === "a" && textOf(element).startsWith("here"))!, "href")).toBe("/blogs/evil-blog");
  });
});

describe("the subscribe box", () => {
  const body = (state: Parameters<typeof subscribeBoxBody>[2]) => elementsOf(parse(htmlText(subscribeBoxBody(post.blog.id, `/posts/${post.id}`, state))));
  const field = (found: Element[]) => found.find((element) => attr(element, "name") === "email")!;

  it("is a form posting to the post's subscribe route, with the blog and an empty e-mail field", () => {
    const found = body({ status: "idle" });
    const form = found.find((element) => element.tagName === "form")!;
    expect([attr(form, "method"), attr(form, "action")]).toEqual(["post", `/posts/${post.id}/subscribe`]);
    expect(attr(found.find((element) => attr(element, "name") === "blogId")!, "value")).toBe(post.blog.id);
    expect([attr(field(found), "value"), attr(field(found), "aria-invalid")]).toEqual(["", "false"]);
  });

  it("keeps a refused address in the field with its error beside it, as text", () => {
    const found = body({ status: "error", code: "invalid", email: EVIL });
    expect([attr(field(found), "value"), attr(field(found), "aria-invalid"), attr(field(found), "aria-describedby")]).toEqual([EVIL, "true", "subscribe-error"]);
    expect(textOf(found.find((element) => attr(element, "id") === "subscribe-error")!)).toBe("That e-mail address does not look right.");
    expect(found.filter((element) => element.tagName === "script" || element.tagName === "img")).toEqual([]);
  });

  it("says \"Almost done\", naming the address when it has it", () => {
    expect(textOf(body({ status: "pending", email: "a@b.example" })[0]!)).toContain("Almost done: your subscription for a@b.example is recorded");
    expect(textOf(body({ status: "pending" })[0]!)).toContain("Almost done: your subscription is recorded");
  });

  it("reads the no-script answer from the address, and nothing else from it", () => {
    expect(subscribeStateOf("pending")).toEqual({ status: "pending" });
    expect(subscribeStateOf("gone")).toEqual({ status: "error", code: "gone" });
    for (const other of [undefined, null, "", "toString", "__proto__", "<b>", ["pending"]]) expect(subscribeStateOf(other)).toEqual({ status: "idle" });
  });
});

describe("the build's links for documents", () => {
  it("takes the stylesheets and the icon from a page Next rendered, its nonce made a slot, and nothing else", () => {
    const page = `<!DOCTYPE html><html><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a1.css" nonce="Zz9" data-precedence="next"/><link rel="preload" as="script" href="/_next/static/chunks/x.js" nonce="Zz9"/><script src="/_next/static/chunks/y.js" async="" nonce="Zz9"></script><title>404</title><link rel="icon" href="/icon.svg?icon.x.svg" sizes="any" type="image/svg+xml"/></head><body><link rel="stylesheet" href="/late.css"/></body></html>`;
    expect(documentAssetsOf(page)).toEqual(assets);
    expect(documentAssetsOf(page.replace(/<link rel="stylesheet"[^>]*>/g, ""))).toBeNull();
    expect(documentAssetsOf("Internal Server Error")).toBeNull();
  });
});
