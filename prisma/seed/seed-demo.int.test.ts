import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "./seed-demo";

async function counts() {
  const [users, admins, categories, blogs, active, pending, business, posts, members] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { role: "ADMIN" } }),
    db.category.count(),
    db.blog.count(),
    db.blog.count({ where: { status: "ACTIVE" } }),
    db.blog.count({ where: { status: "PENDING" } }),
    db.blog.count({ where: { tier: "BUSINESS", status: "ACTIVE" } }),
    db.post.count(),
    db.blogMember.count(),
  ]);
  return { users, admins, categories, blogs, active, pending, business, posts, members };
}

describe("the demo seed", () => {
  it("builds a directory a person would believe, and adds nothing the second time", async () => {
    const first = await seedDemo(db);
    const after = await counts();
    expect(after.blogs).toBeGreaterThanOrEqual(40);
    expect(after.categories).toBeGreaterThanOrEqual(8);
    expect(after.posts).toBeGreaterThanOrEqual(600);
    expect(after.admins).toBe(1);
    expect(after.business).toBeGreaterThanOrEqual(3);
    expect(after.pending).toBeGreaterThanOrEqual(3);
    const owners = await db.blogMember.groupBy({ by: ["userId"], where: { role: "OWNER" } });
    expect(await db.blog.count({ where: { tags: { none: {} } } })).toBe(0);
    expect(await db.blog.count({ where: { status: "ACTIVE", rankScore: { gt: 0 } } })).toBe(after.active);
    expect(owners.length).toBeGreaterThanOrEqual(4);
    expect(first.postsAdded).toBe(after.posts);

    const second = await seedDemo(db);
    expect(second.postsAdded).toBe(0);
    expect(await counts()).toEqual(after);
  });

  it("writes posts with real structure, in every active listing, searchable by full text", async () => {
    await seedDemo(db);
    const post = await db.post.findFirstOrThrow({ orderBy: { publishedAt: "desc" } });
    for (const tag of ["<h2>", "<p>", "<img ", "<blockquote>", "<a href=", "<li>"]) expect(post.contentHtml).toContain(tag);
    const emptyActive = await db.blog.count({ where: { status: "ACTIVE", posts: { none: {} } } });
    expect(emptyActive).toBe(0);
    const blogs = await db.blog.findMany({ where: { status: "ACTIVE" }, select: { postCount: true, _count: { select: { posts: true } } } });
    for (const blog of blogs) expect(blog.postCount).toBe(blog._count.posts);
    const hits = await db.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM "Post" WHERE "searchVector" @@ websearch_to_tsquery('english', 'sourdough')`;
    expect(hits[0]!.n).toBeGreaterThan(0);
  });
});
