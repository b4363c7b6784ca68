import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TListingCard } from "@/lib/listings/selects";
import type { TPostCard } from "@/lib/posts/selects";
import { html, HtmlBlock, htmlText } from "./html";
import { listingCard } from "./listing-card";
import { postCard } from "./post-card";
import { blogHit, postHit } from "./search-hit";
import { MARK_END, MARK_START } from "@/lib/search/queries";
import { attributes, fragmentElements as elements, textOf } from "@/lib/testing/parsed-html";

// What a hostile feed could put in a listing's or a post's fields.
const EVIL = `"><script>alert(1)</script><img src=x onerror="alert(2)">&amp;`;

describe("html", () => {
  it("escapes every value, in text and in attribute values alike", () => {
    const markup = htmlText(html`<a href="/blogs/${`x" onclick="alert(1)`}" title="${EVIL}">${EVIL}</a>`);
    const [link, ...rest] = elements(markup);
    expect(rest).toEqual([]);
    expect(attributes(link!)).toEqual({ href: `/blogs/x" onclick="alert(1)`, title: EVIL });
    expect(textOf(link!)).toBe(EVIL);
  });

  it("places its own markup as it is, lists one after the other, numbers as text, and nothing for null, undefined and false", () => {
    const item = (text: string) => html`<li>${text}</li>`;
    expect(htmlText(html`<ul>${["a<b", "c"].map(item)}</ul>`)).toBe("<ul><li>a&lt;b</li><li>c</li></ul>");
    expect(htmlText(html`<p>${3} ${null}${undefined}${false}${""}posts</p>`)).toBe("<p>3 posts</p>");
    // A string that looks like markup is still text: only html`` makes markup.
    expect(htmlText(html`${"<b>bold</b>"}`)).toBe("&lt;b&gt;bold&lt;/b&gt;");
  });

  it("HtmlBlock renders one element holding the markup, or a list of it", () => {
    expect(renderToStaticMarkup(HtmlBlock({ as: "ol", className: "space-y-3", children: html`<li>${"one & two"}</li>` }))).toBe(
      `<ol class="space-y-3"><li>one &amp; two</li></ol>`,
    );
    // A list of markup (a page's cards) one after the other.
    expect(renderToStaticMarkup(HtmlBlock({ children: ["a<", "b"].map((text) => html`<p>${text}</p>`) }))).toBe(`<div><p>a&lt;</p><p>b</p></div>`);
  });
});

const listing: TListingCard = {
  id: "l1",
  slug: "evil-blog",
  name: `Evil ${EVIL}`,
  description: `About ${EVIL}`,
  siteUrl: "https://evil.example/",
  tier: "BUSINESS",
  iconUrl: `https://evil.example/icon.png" onerror="alert(3)`,
  language: "en",
  verifiedAt: new Date("2026-01-01T00:00:00Z"),
  postCount: 12,
  lastPostAt: null,
  categories: [{ category: { slug: "food", name: "Food & <Drink>" } }],
};

const post: TPostCard = {
  id: "p1",
  title: `Title ${EVIL}`,
  excerpt: `Excerpt ${EVIL}`,
  imageUrl: null,
  publishedAt: new Date("2026-11-02T10:00:00Z"),
  readingMinutes: 4,
  authors: [],
  blog: { slug: "evil-blog", name: `Blog ${EVIL}`, tier: "FREE" },
} as TPostCard;

describe("listing and post cards", () => {
  it("a listing card keeps a hostile listing's words as text, in the card's own elements only", () => {
    const found = elements(htmlText(listingCard(listing)));
    expect(found.map((element) => element.tagName)).toEqual(["article", "img", "div", "h3", "a", "span", "span", "p", "p"]);
    const [, icon, , heading, link] = found;
    expect(attributes(icon!)).toEqual({ src: listing.iconUrl, alt: "", width: "40", height: "40", class: "rounded-lg" });
    expect(attributes(link!)).toEqual({ href: "/blogs/evil-blog", class: "hover:underline" });
    expect(textOf(link!)).toBe(listing.name);
    expect(textOf(heading!)).toBe(`${listing.name}Business✓ verified`);
    expect(textOf(found[7]!)).toBe(listing.description);
    expect(textOf(found[8]!)).toBe("Food & <Drink> · 12 posts");
  });

  it("a listing without an icon shows its initials; without a description, badges or posts, none of those", () => {
    const plain = { ...listing, name: "quiet lab", iconUrl: null, tier: "FREE", verifiedAt: null, description: null, postCount: 0 } as TListingCard;
    const found = elements(htmlText(listingCard(plain)));
    expect(found.map((element) => element.tagName)).toEqual(["article", "span", "div", "h3", "a", "p"]);
    expect(textOf(found[1]!)).toBe("QL");
    expect(attributes(found[1]!).style).toMatch(/^width:40px;height:40px;background:hsl\(\d+ 55% 28%\);font-size:16px$/);
    expect(textOf(found[5]!)).toBe("Food & <Drink>");
  });

  it("a post card keeps a hostile post's words as text, links the post and its blog, and dates it", () => {
    const found = elements(htmlText(postCard(post)));
    expect(found.map((element) => element.tagName)).toEqual(["article", "h3", "a", "p", "a", "time", "p"]);
    expect(attributes(found[2]!).href).toBe("/posts/p1");
    expect(textOf(found[2]!)).toBe(post.title);
    expect(attributes(found[4]!).href).toBe("/blogs/evil-blog");
    expect(textOf(found[3]!)).toBe(`${post.blog.name} · 2 November 2026 · 4 min read`);
    expect(attributes(found[5]!).datetime).toBe("2026-11-02T10:00:00.000Z");
    expect(textOf(found[6]!)).toBe(post.excerpt);
    // On its own blog's page the card leaves the blog out.
    expect(elements(htmlText(postCard(post, { showBlog: false }))).map((element) => element.tagName)).toEqual(["article", "h3", "a", "p", "time", "p"]);
  });
});

describe("search results", () => {
  it("a post result keeps a hostile post's words as text, links the post and its blog, and marks only the snippet's matched words", () => {
    const hit = {
      id: "p1",
      title: `Title ${EVIL}`,
      publishedAt: new Date("2026-11-02T10:00:00Z"),
      blogSlug: "evil-blog",
      blogName: `Blog ${EVIL}`,
      snippet: `before ${EVIL} ${MARK_START}word${MARK_END} &amp; after <b>`,
    };
    const found = elements(htmlText(postHit(hit)));
    expect(found.map((element) => element.tagName)).toEqual(["li", "a", "p", "a", "time", "p", "mark"]);
    expect(attributes(found[1]!).href).toBe("/posts/p1");
    expect(textOf(found[1]!)).toBe(hit.title);
    expect(attributes(found[3]!).href).toBe("/blogs/evil-blog");
    expect(textOf(found[2]!)).toBe(`${hit.blogName} · 2 November 2026`);
    expect(attributes(found[4]!).datetime).toBe("2026-11-02T10:00:00.000Z");
    // The snippet's text: its entities read as characters, feed markup as text, the match marked.
    expect(textOf(found[5]!)).toBe(`before "><script>alert(1)</script><img src=x onerror="alert(2)">& word & after <b>`);
    expect(textOf(found[6]!)).toBe("word");
  });

  it("a blog result keeps a hostile name and description as text, labels a Business Listing, and leaves out what is missing", () => {
    const blog = { id: "b1", slug: "evil-blog", name: `Evil ${EVIL}`, description: `About ${EVIL}`, tier: "BUSINESS" };
    const found = elements(htmlText(blogHit(blog)));
    expect(found.map((element) => element.tagName)).toEqual(["li", "a", "span", "p"]);
    expect(attributes(found[1]!).href).toBe("/blogs/evil-blog");
    expect(textOf(found[1]!)).toBe(blog.name);
    expect(textOf(found[2]!)).toBe("Business");
    expect(textOf(found[3]!)).toBe(blog.description);
    expect(elements(htmlText(blogHit({ ...blog, tier: "FREE", description: null }))).map((element) => element.tagName)).toEqual(["li", "a"]);
  });
});
