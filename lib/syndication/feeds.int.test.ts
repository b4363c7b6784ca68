import { describe, expect, it } from "vitest";
import { GET as blogRss } from "@/app/(site)/blogs/[slug]/rss.xml/route";
import { GET as categoryAtom } from "@/app/(site)/categories/[slug]/atom.xml/route";
import { GET as categoryOpml } from "@/app/(site)/categories/[slug]/opml.xml/route";
import { db } from "@/lib/db";
import { readOpml } from "@/lib/ingest/opml";
import { parseFeedText } from "@/lib/ingest/parse-feed";
import { createListing, createPost } from "@/lib/testing/fixtures";

const call = (handler: typeof blogRss, slug: string) => handler(new Request(`http://localhost/x`), { params: Promise.resolve({ slug }) });

describe("feeds out", () => {
  it("serves a listing's mirror as RSS that our own reader parses back, visible posts only", async () => {
    const blog = await createListing({ name: "Out Feed" });
    const kept = await createPost(blog.id, { title: "Kept & shown", excerpt: "An <excerpt>", publishedAt: new Date("2026-02-01T00:00:00Z") });
    await createPost(blog.id, { title: "Hidden one", hiddenAt: new Date() });
    const response = await call(blogRss, blog.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/rss\+xml/);
    const feed = parseFeedText(await response.text(), `http://localhost:3000/blogs/${blog.slug}/rss.xml`);
    expect(feed.title).toBe("Out Feed on BlogAtlas");
    expect(feed.entries.map((entry) => entry.title)).toEqual(["Kept & shown"]);
    expect(feed.entries[0]!.url).toBe(`http://localhost:3000/posts/${kept.id}`);
    expect(feed.entries[0]!.contentHtml).toContain(kept.url);
    expect(feed.entries[0]!.contentHtml).toContain("An &lt;excerpt&gt;");
  });

  it("serves a category (with its subcategories) as Atom, and its listings as OPML", async () => {
    const parent = await db.category.create({ data: { slug: "syn-parent", name: "Parent" } });
    const child = await db.category.create({ data: { slug: "syn-child", name: "Child", parentId: parent.id } });
    const blog = await createListing({ name: "In Child" });
    await db.blogCategory.create({ data: { blogId: blog.id, categoryId: child.id } });
    await createPost(blog.id, { title: "Child post" });
    const atom = await call(categoryAtom, "syn-parent");
    expect(atom.headers.get("content-type")).toMatch(/application\/atom\+xml/);
    const feed = parseFeedText(await atom.text(), "http://localhost:3000/categories/syn-parent/atom.xml");
    expect(feed.format).toBe("ATOM");
    expect(feed.entries.map((entry) => entry.title)).toEqual(["Child post"]);
    const opml = await call(categoryOpml, "syn-parent");
    expect(readOpml(await opml.text())).toEqual([expect.objectContaining({ feedUrl: blog.feedUrl, title: "In Child" })]);
  });

  it("answers 404 for unknown, malformed or non-public slugs", async () => {
    const pending = await createListing({ status: "PENDING" });
    for (const slug of ["no-such-blog", "../../etc/passwd", pending.slug]) expect((await call(blogRss, slug)).status).toBe(404);
    expect((await call(categoryAtom, "no-such-category")).status).toBe(404);
  });
});
