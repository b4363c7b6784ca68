import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getRelatedPosts, relatedQueryOf } from "@/lib/posts/queries";
import { createListing, createPost } from "@/lib/testing/fixtures";
import { subscribe } from "./actions";
import { ZSubscribe, ZSubscriberEmail } from "./schemas";

describe("e-mail subscriptions", () => {
  it("records a pending subscription once, answers the same every time, and re-opens an unsubscribed one", async () => {
    const blog = await createListing();
    for (let i = 0; i < 3; i++) expect(await subscribe(blog.id, "reader@example.com")).toEqual({ ok: true });
    const rows = await db.emailSubscription.findMany({ where: { blogId: blog.id } });
    expect(rows).toEqual([expect.objectContaining({ email: "reader@example.com", status: "PENDING" })]);
    expect(rows[0]!.unsubscribeToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await db.emailSubscription.update({ where: { id: rows[0]!.id }, data: { status: "CONFIRMED" } });
    expect(await subscribe(blog.id, "reader@example.com")).toEqual({ ok: true });
    expect((await db.emailSubscription.findUniqueOrThrow({ where: { id: rows[0]!.id } })).status).toBe("CONFIRMED");
    await db.emailSubscription.update({ where: { id: rows[0]!.id }, data: { status: "UNSUBSCRIBED", unsubscribedAt: new Date() } });
    await subscribe(blog.id, "reader@example.com");
    expect(await db.emailSubscription.findUniqueOrThrow({ where: { id: rows[0]!.id } })).toMatchObject({ status: "PENDING", unsubscribedAt: null });
  });

  it("refuses listings visitors cannot see", async () => {
    const pending = await createListing({ status: "PENDING" });
    expect(await subscribe(pending.id, "a@example.com")).toEqual({ ok: false, reason: "not-found" });
    expect(await db.emailSubscription.count({ where: { blogId: pending.id } })).toBe(0);
  });

  it("refuses odd addresses: quoted local parts, lists, full-width @, spaces (security.md 13)", () => {
    for (const odd of ['"a b"@example.com', "a@example.com,b@example.com", "a@example.com;b@example.com", "a＠example.com", "a @example.com", "a@localhost", "a@example.com\nBcc: b@example.com", ""]) {
      expect(ZSubscriberEmail.safeParse(odd).success, JSON.stringify(odd)).toBe(false);
    }
    expect(ZSubscribe.parse({ blogId: "c".padEnd(25, "a"), email: " Reader@Example.COM " }).email).toBe("reader@example.com");
  });
});

describe("related posts", () => {
  it("finds posts on the same subject, never the post itself or hidden ones, and tops up from the same blog", async () => {
    const blog = await createListing();
    const other = await createListing();
    const post = await createPost(blog.id, { title: "Rye sourdough fermentation notes" });
    const similar = await createPost(other.id, { title: "Sourdough fermentation at low temperature" });
    await createPost(other.id, { title: "Sourdough fermentation, hidden", hiddenAt: new Date() });
    // The best match of all, on a suspended listing: ranked, then dropped with its listing.
    const suspended = await createListing({ status: "SUSPENDED" });
    await createPost(suspended.id, { title: "Rye sourdough fermentation notes, again" });
    const sameBlog = await createPost(blog.id, { title: "Something else entirely" });
    const related = await getRelatedPosts({ id: post.id, title: post.title, blog: { id: blog.id } });
    expect(related.map((item) => item.id)).toEqual([similar.id, sameBlog.id]);
    // The ranked card has the same shape as the topped-up one (it comes from one raw query).
    expect(related[0]).toEqual({
      id: similar.id, title: similar.title, excerpt: similar.excerpt, imageUrl: similar.imageUrl, publishedAt: similar.publishedAt,
      readingMinutes: similar.readingMinutes, authors: similar.authors, blog: { slug: other.slug, name: other.name, tier: "FREE" },
    });
    expect(Object.keys(related[0]!).sort()).toEqual(Object.keys(related[1]!).sort());
    expect(relatedQueryOf("A & B: the <best>!")).toBe("best");
    expect(relatedQueryOf("a b c")).toBeNull();
  });
});
