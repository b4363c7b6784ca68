import { describe, expect, it } from "vitest";
import { createListing, createPost } from "@/lib/testing/fixtures";
import { parseSitemapName, sitemap, sitemapIndex } from "./sitemaps";

const APP = "https://directory.example";
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);

describe("sitemaps", () => {
  it("splits blogs and posts into chunks that together list every public page exactly once", async () => {
    const blogs = [];
    for (let i = 0; i < 5; i++) blogs.push(await createListing());
    await createListing({ status: "PENDING" });
    for (const blog of blogs) for (let i = 0; i < 3; i++) await createPost(blog.id);
    await createPost(blogs[0]!.id, { hiddenAt: new Date() });
    const index = await sitemapIndex(APP, 4);
    expect(locs(index)).toEqual([
      `${APP}/sitemaps/pages.xml`,
      `${APP}/sitemaps/blogs-0.xml`,
      `${APP}/sitemaps/blogs-1.xml`,
      ...[0, 1, 2, 3].map((i) => `${APP}/sitemaps/posts-${i}.xml`),
    ]);
    const postUrls: string[] = [];
    for (let i = 0; i < 4; i++) postUrls.push(...locs((await sitemap({ kind: "posts", chunk: i }, APP, 4))!));
    expect(postUrls).toHaveLength(15);
    expect(new Set(postUrls).size).toBe(15);
    const blogUrls = [...locs((await sitemap({ kind: "blogs", chunk: 0 }, APP, 4))!), ...locs((await sitemap({ kind: "blogs", chunk: 1 }, APP, 4))!)];
    expect(blogUrls.sort()).toEqual(blogs.map((blog) => `${APP}/blogs/${blog.slug}`).sort());
    expect(await sitemap({ kind: "posts", chunk: 9 }, APP, 4)).toBeNull();
  });

  it("accepts only the names it writes", () => {
    expect(parseSitemapName("posts-12.xml")).toEqual({ kind: "posts", chunk: 12 });
    for (const bad of ["posts-x.xml", "../etc.xml", "posts-1.xml.gz", "users-0.xml"]) expect(parseSitemapName(bad)).toBeNull();
  });
});
