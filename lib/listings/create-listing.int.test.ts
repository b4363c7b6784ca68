import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createListing, slugify } from "./create-listing";

describe("createListing (OPML import, feed add, later submissions)", () => {
  it("creates a pending listing with a unique slug in the given categories", async () => {
    await db.category.create({ data: { slug: "travel", name: "Travel" } });
    const first = await createListing(db, { feedUrl: "https://one.example/feed", siteUrl: "https://one.example/", name: "Slow Trains!", categorySlugs: ["travel"] });
    const second = await createListing(db, { feedUrl: "https://two.example/feed", siteUrl: "https://two.example/", name: "Slow Trains" });
    expect(first).toMatchObject({ created: true, slug: "slow-trains" });
    expect(second).toMatchObject({ created: true, slug: "slow-trains-2" });
    const row = await db.blog.findUniqueOrThrow({ where: { slug: "slow-trains" }, include: { categories: { include: { category: true } } } });
    expect(row.status).toBe("PENDING");
    expect(row.categories.map((entry) => entry.category.slug)).toEqual(["travel"]);
  });

  it("reports the same feed, or the same site under another feed URL, as a duplicate and adds nothing", async () => {
    const original = await createListing(db, { feedUrl: "https://dup.example/rss", siteUrl: "https://www.dup.example/", name: "Dup" });
    expect(original.created).toBe(true);
    const before = await db.blog.count();
    expect(await createListing(db, { feedUrl: "https://dup.example/rss", siteUrl: "https://elsewhere.example/", name: "Again" })).toMatchObject({ created: false, duplicateOf: { slug: "dup" } });
    expect(await createListing(db, { feedUrl: "https://dup.example/atom.xml", siteUrl: "http://dup.example", name: "Again" })).toMatchObject({ created: false, duplicateOf: { slug: "dup" } });
    expect(await db.blog.count()).toBe(before);
  });

  it("makes slugs from any title", () => {
    expect(slugify("Crème Brûlée & Co.")).toBe("creme-brulee-co");
    expect(slugify("日本語")).toBe("");
  });
});

describe("createListing under concurrency", () => {
  it("gives listings of the same name created at once distinct slugs, and the same feed only once", async () => {
    const sameName = await Promise.all(
      Array.from({ length: 5 }, (_, i) => createListing(db, { feedUrl: `https://race-${i}.example/feed`, siteUrl: `https://race-${i}.example/`, name: "Race" })),
    );
    expect(new Set(sameName.map((result) => (result.created ? result.slug : "dup"))).size).toBe(5);
    const sameFeed = await Promise.all(
      Array.from({ length: 4 }, () => createListing(db, { feedUrl: "https://samefeed.example/feed", siteUrl: "https://samefeed.example/", name: "Same feed" })),
    );
    expect(sameFeed.filter((result) => result.created)).toHaveLength(1);
    expect(await db.blog.count({ where: { feedUrl: "https://samefeed.example/feed" } })).toBe(1);
  });
});
