import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createListing, createPost } from "@/lib/testing/fixtures";
import { MARK_END, MARK_START, PAGE_SIZE, searchBlogs, searchPosts, snippetParts } from "./queries";
import { ZSearchParams } from "./schemas";

const search = (query: Record<string, string>) => searchPosts(ZSearchParams.parse(query));

describe("search", () => {
  it("finds posts by stemmed words, ranks title matches first, and highlights the snippet", async () => {
    const blog = await createListing({ name: "Bread Notes", language: "en" });
    const inTitle = await createPost(blog.id, { title: "Baking sourdough loaves", excerpt: "A long cold proof makes better bread." });
    const inBody = await createPost(blog.id, { title: "Weekend notes", excerpt: "Errands, a walk, and finally the sourdough baked well." });
    await createPost(blog.id, { title: "Unrelated", excerpt: "Nothing about bread here at all." });
    const { hits } = await search({ q: "sourdough bake" });
    expect(hits.map((hit) => hit.id)).toEqual([inTitle.id, inBody.id]);
    const parts = snippetParts(hits[1]!.snippet);
    expect(parts.filter((part) => part.marked).map((part) => part.text.toLowerCase())).toEqual(expect.arrayContaining(["sourdough"]));
    expect(hits[0]).toMatchObject({ blogSlug: blog.slug, blogName: "Bread Notes" });
  });

  it("highlights a word deep in a long post, from a window that never shows a piece of a tag", async () => {
    const blog = await createListing();
    const filler = Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i} about ordinary things and more words.</p>`).join("");
    const longLink = `<a rel="ugc nofollow noopener" href="https://example.com/${"segment/".repeat(40)}">a link</a>`;
    const contentHtml = `${filler}${longLink}<p>${"Some plain words before it. ".repeat(10)}At last the Quasarwatch appears here.</p>`;
    expect(contentHtml.length).toBeGreaterThan(20_000);
    const post = await createPost(blog.id, { title: "A long diary", contentHtml });
    const { hits } = await search({ q: "quasarwatch" });
    expect(hits.map((hit) => hit.id)).toEqual([post.id]);
    const parts = snippetParts(hits[0]!.snippet);
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(["Quasarwatch"]);
    expect(hits[0]!.snippet).not.toMatch(/[<>]|href|segment\//);
    // The window's first word is whole: it starts after the cut, not in the middle of a word.
    const words = await createPost(blog.id, { title: "Another diary", contentHtml: `<p>${"abcdefghij ".repeat(300)}then the Quasarwatch again</p>` });
    const second = (await search({ q: "quasarwatch" })).hits.find((hit) => hit.id === words.id)!;
    expect(second.snippet.replace(/[\u0002\u0003]/g, "").split(/\s+/).filter(Boolean).every((word) => ["abcdefghij", "then", "the", "Quasarwatch", "again"].includes(word))).toBe(true);
  });

  it("keeps hidden posts, non-public listings and unmirrored listings out", async () => {
    const word = "zanzibarian";
    const visible = await createListing();
    const hiddenPost = await createPost(visible.id, { title: `${word} hidden`, hiddenAt: new Date() });
    const shown = await createPost(visible.id, { title: `${word} shown` });
    for (const data of [{ status: "SUSPENDED" as const }, { status: "PENDING" as const }, { mirrorMode: "NONE" as const }]) {
      const other = await createListing(data);
      await createPost(other.id, { title: `${word} elsewhere` });
    }
    const { hits } = await search({ q: word });
    expect(hits.map((hit) => hit.id)).toEqual([shown.id]);
    expect(hits.map((hit) => hit.id)).not.toContain(hiddenPost.id);
  });

  it("filters by category (with its subcategories), language and date range", async () => {
    const parent = await db.category.create({ data: { slug: "food-x", name: "Food" } });
    const child = await db.category.create({ data: { slug: "baking-x", name: "Baking", parentId: parent.id } });
    const french = await createListing({ language: "fr", categories: { create: [{ categoryId: child.id }] } } as never);
    const english = await createListing({ language: "en" });
    const a = await createPost(french.id, { title: "Croissant technique", publishedAt: new Date("2026-03-10T12:00:00Z") });
    const b = await createPost(english.id, { title: "Croissant review", publishedAt: new Date("2026-05-10T12:00:00Z") });
    expect((await search({ q: "croissant" })).hits.map((hit) => hit.id).sort()).toEqual([a.id, b.id].sort());
    expect((await search({ q: "croissant", category: "food-x" })).hits.map((hit) => hit.id)).toEqual([a.id]);
    expect((await search({ q: "croissant", lang: "en" })).hits.map((hit) => hit.id)).toEqual([b.id]);
    expect((await search({ q: "croissant", from: "2026-04-01", to: "2026-05-10" })).hits.map((hit) => hit.id)).toEqual([b.id]);
    expect((await search({ q: "croissant", to: "2026-03-10" })).hits.map((hit) => hit.id)).toEqual([a.id]);
  });

  it("pages through results", async () => {
    const blog = await createListing();
    for (let i = 0; i < PAGE_SIZE + 3; i++) await createPost(blog.id, { title: `quokka number ${i}`, publishedAt: new Date(Date.UTC(2026, 0, 1 + i)) });
    const first = await search({ q: "quokka" });
    const second = await search({ q: "quokka", page: "2" });
    expect(first.hits).toHaveLength(PAGE_SIZE);
    expect(first.hasMore).toBe(true);
    expect(second.hits).toHaveLength(3);
    expect(second.hasMore).toBe(false);
    expect(new Set([...first.hits, ...second.hits].map((hit) => hit.id)).size).toBe(PAGE_SIZE + 3);
  });

  it("finds blogs by name despite a typo", async () => {
    await createListing({ name: "The Sourdough Diaries" });
    await createListing({ name: "Completely Different" });
    expect((await searchBlogs("sourdogh diaries")).map((blog) => blog.name)).toEqual(["The Sourdough Diaries"]);
    expect((await searchBlogs("Diaries")).map((blog) => blog.name)).toContain("The Sourdough Diaries");
  });

  it("puts a matching Business Listing first, and never a Business Listing that does not match", async () => {
    await createListing({ name: "Garden Notes Weekly" });
    await createListing({ name: "The Garden Notes Shop", tier: "BUSINESS" });
    await createListing({ name: "Unrelated Paid Blog", tier: "BUSINESS" });
    const names = (await searchBlogs("garden notes")).map((blog) => blog.name);
    expect(names[0]).toBe("The Garden Notes Shop");
    expect(names).toContain("Garden Notes Weekly");
    expect(names).not.toContain("Unrelated Paid Blog");
  });

  it("never lets feed text become markup in a snippet", () => {
    expect(snippetParts(`a <b onclick=x> ${MARK_START}word${MARK_END} tail`)).toEqual([
      { text: "a <b onclick=x> ", marked: false },
      { text: "word", marked: true },
      { text: " tail", marked: false },
    ]);
  });

  it("refuses malformed parameters clearly", () => {
    const issues = (query: Record<string, string>) => {
      const result = ZSearchParams.safeParse(query);
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    };
    expect(issues({ q: "x", from: "yesterday" })).toEqual(["from must be a date (YYYY-MM-DD)"]);
    expect(issues({ q: "x", from: "2026-05-01", to: "2026-04-01" })).toEqual(["to must not be before the start date"]);
    expect(issues({ q: "x", page: "999" })).toEqual(["page goes up to 50"]);
    expect(issues({ q: "x", category: "../etc" })).toEqual(["category is not a category"]);
    expect(issues({ q: "x".repeat(201) })).toEqual(["q is too long (200 characters at most)"]);
  });
});
