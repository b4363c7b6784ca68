import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "./seed-demo";
import { seedScale } from "./seed-scale";

describe("the scale seed", () => {
  it("bulk-loads blogs and posts with COPY, keeps the search index, and adds nothing when run again", async () => {
    await seedDemo(db);
    const before = { blogs: await db.blog.count(), posts: await db.post.count() };
    const phases = new Set<string>();
    const first = await seedScale(db, process.env.DATABASE_URL!, { blogs: 60, posts: 400, onProgress: (phase) => phases.add(phase) });
    expect(first).toEqual({ blogs: before.blogs + 60, posts: before.posts + 400 });
    expect([...phases]).toEqual(expect.arrayContaining(["blogs", "posts", "search index", "ranking"]));
    expect(await seedScale(db, process.env.DATABASE_URL!, { blogs: 60, posts: 400 })).toEqual(first);
    const index = await db.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = 'Post_searchVector_idx'`);
    expect(index[0]!.n).toBe(1);
    const scaled = await db.blog.findFirstOrThrow({ where: { slug: "scale-0" }, include: { categories: true } });
    expect(scaled.categories).toHaveLength(1);
    expect(await db.post.count({ where: { blog: { slug: { startsWith: "scale-" } }, contentHtml: { contains: "<p>" } } })).toBeGreaterThan(300);
    // Sanitized as ingestion stores posts: no tracking pixels or utm parameters, links marked as user content.
    const scalePosts = { blog: { slug: { startsWith: "scale-" } } };
    expect(await db.post.count({ where: { ...scalePosts, OR: [{ contentHtml: { contains: "pixel.wp.com" } }, { contentHtml: { contains: "utm_" } }] } })).toBe(0);
    expect(await db.post.count({ where: { ...scalePosts, contentHtml: { contains: 'rel="ugc nofollow noopener"' } } })).toBeGreaterThan(100);
  });
});
