import { parse } from "parse5";
import { attr, elementsOf, textOf } from "@/lib/testing/parsed-html";
import { describe, expect, it, vi } from "vitest";
import type { TPostCard } from "@/lib/posts/selects";
import { type BlogPageData, blogDocument } from "./blog-page";
import { type CategoryPageData, categoryDocument } from "./category-page";

// Absolute addresses come from the settings (APP_URL left at its default, http://localhost:3000).
vi.hoisted(() => {
  process.env.DATABASE_URL ??= "postgresql://u:p@localhost:5432/db";
  process.env.NEXTAUTH_SECRET ??= "x".repeat(32);
});

// What a hostile owner or feed could put in a listing's and a category's fields.
const EVIL = `"><script>alert(1)</script><img src=x onerror="alert(2)">&amp;</title>`;
const assets = { headLinks: '<link rel="stylesheet" href="/_next/static/chunks/a1.css" nonce="{nonce}" data-precedence="next"/>' };

const listing = {
  id: "b1aaaaaaaaaaaaaaaaaaaaaa",
  slug: "evil-blog",
  name: `Blog ${EVIL}`,
  description: `About ${EVIL}`,
  siteUrl: "https://evil.example/",
  tier: "BUSINESS",
  iconUrl: null,
  language: "en",
  verifiedAt: new Date("2026-01-01T00:00:00Z"),
  postCount: 1,
  lastPostAt: null,
  mirrorMode: "FULL",
  postsPerWeek: 2,
  lastSuccessAt: new Date("2026-11-20T00:00:00Z"),
  dormantSince: null,
  logoUrl: "https://evil.example/logo.png",
  ctaLabel: `Buy ${EVIL}`,
  ctaUrl: "https://evil.example/buy",
  contactEmail: "owner@evil.example",
  socialLinks: ["https://x.com/evil"],
  categories: [{ category: { slug: "food", name: `Food ${EVIL}` } }],
  tags: [{ tag: { slug: "bread", name: `Bread ${EVIL}` } }],
} as unknown as BlogPageData["listing"];
const post = { id: "p1", title: `Post ${EVIL}`, excerpt: "x", imageUrl: null, publishedAt: new Date("2026-11-01T00:00:00Z"), readingMinutes: 1, authors: [], blog: { slug: "evil-blog", name: listing.name, tier: "BUSINESS" } } as TPostCard;

describe("a blog page written as markup", () => {
  const all = elementsOf(parse(blogDocument({ listing, posts: [post], older: { publishedAt: post.publishedAt, id: "p1" } }, { nonce: "N0nce", subscribe: { status: "idle" }, assets })));
  const links = all.filter((element) => element.tagName === "a");
  const link = (text: string) => links.find((element) => textOf(element) === text)!;

  it("keeps a hostile listing's words as text, and runs only its own script", () => {
    expect(textOf(all.find((element) => element.tagName === "title")!)).toBe(`${listing.name} · BlogAtlas`);
    expect(textOf(all.find((element) => element.tagName === "h1")!)).toBe(`${listing.name}Business✓ verified`);
    expect(all.filter((element) => element.tagName === "script").map((script) => attr(script, "type") ?? attr(script, "nonce"))).toEqual(["application/ld+json", "application/ld+json", "N0nce"]);
    expect(all.filter((element) => element.tagName === "img").map((image) => [attr(image, "src"), attr(image, "alt")])).toEqual([["https://evil.example/logo.png", `${listing.name} logo`]]);
    expect(textOf(link(listing.ctaLabel!))).toBe(listing.ctaLabel);
    expect(link(`Food ${EVIL}`)).toBeDefined();
    expect(link(`Bread ${EVIL}`)).toBeDefined();
  });

  it("marks a Business profile's links as paid placements, and links older posts and the feeds", () => {
    expect(attr(link("Visit evil.example"), "rel")).toBe("sponsored noopener");
    expect(attr(link(listing.ctaLabel!), "rel")).toBe("sponsored noopener");
    expect(attr(link("X"), "rel")).toBe("sponsored noopener");
    expect(attr(link("Older posts →"), "href")).toBe(`/blogs/evil-blog?before=${post.publishedAt.getTime()}_p1`);
    expect(attr(link("RSS"), "href")).toBe("/blogs/evil-blog/rss.xml");
    const feeds = all.filter((element) => attr(element, "rel") === "alternate").map((element) => attr(element, "href"));
    expect(feeds).toEqual(["http://localhost:3000/blogs/evil-blog/rss.xml", "http://localhost:3000/blogs/evil-blog/atom.xml"]);
    expect(attr(all.find((element) => element.tagName === "form" && attr(element, "method") === "post")!, "action")).toBe("/blogs/evil-blog/subscribe");
  });

  it("leaves a free listing's links unpaid, and shows none of a Business profile's extras", () => {
    const free = elementsOf(parse(blogDocument({ listing: { ...listing, tier: "FREE" }, posts: [], older: null }, { nonce: "n", subscribe: { status: "idle" }, assets })));
    const text = textOf(free.find((element) => element.tagName === "main")!);
    expect(attr(free.find((element) => element.tagName === "a" && textOf(element) === "Visit evil.example")!, "rel")).toBe("noopener");
    expect(textOf(free.find((element) => element.tagName === "h1")!)).toBe(`${listing.name}✓ verified`);
    for (const extra of [listing.ctaLabel!, "owner@evil.example", "Elsewhere"]) expect(text).not.toContain(extra);
    // A site address of another scheme, stored before it was checked, is not linked.
    const scripted = elementsOf(parse(blogDocument({ listing: { ...listing, siteUrl: "javascript:alert(1)" }, posts: [], older: null }, { nonce: "n", subscribe: { status: "idle" }, assets })));
    expect(scripted.filter((element) => (attr(element, "href") ?? "").startsWith("javascript:"))).toEqual([]);
    expect(free.filter((element) => element.tagName === "img")).toEqual([]);
  });
});

describe("a category page written as markup", () => {
  const category = { id: "c1", slug: "food", name: `Food ${EVIL}`, description: `About ${EVIL}`, parent: { slug: "life", name: `Life ${EVIL}` }, children: [{ id: "c2", slug: "bread", name: `Bread ${EVIL}` }] };
  const page = { category, firstPage: true, featured: [], ranking: { listings: [], next: { score: 0.5, id: "b9" } }, posts: [] } as unknown as CategoryPageData;

  it("keeps a hostile category's words as text, and pages its ranking by cursor", () => {
    const all = elementsOf(parse(categoryDocument(page, { nonce: "n", assets })));
    expect(textOf(all.find((element) => element.tagName === "title")!)).toBe(`${category.name} blogs · BlogAtlas`);
    expect(textOf(all.find((element) => element.tagName === "h1")!)).toBe(`${category.name} blogs`);
    expect(all.filter((element) => element.tagName === "script").map((script) => attr(script, "type"))).toEqual(["application/ld+json"]);
    expect(all.filter((element) => element.tagName === "img")).toEqual([]);
    const hrefs = all.filter((element) => element.tagName === "a").map((element) => [textOf(element), attr(element, "href")]);
    expect(hrefs).toEqual(expect.arrayContaining([[category.parent.name, "/categories/life"], [category.children[0]!.name, "/categories/bread"], ["More blogs →", "/categories/food?after=0.5_b9"]]));
    expect(textOf(all.find((element) => element.tagName === "main")!)).toContain("No blogs listed here yet.");
  });
});
