import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createListing, createPost } from "@/lib/testing/fixtures";
import { genericPlan } from "@/lib/testing/generic-plan";
import { getListingPage, getPublicListing, listingPageSql, publicListingWhere } from "@/lib/listings/queries";
import { listingPageSelect } from "@/lib/listings/selects";
import { ZPostCursor } from "@/lib/listings/schemas";
import { getLatestPosts, getListingPosts, getPublicPost, getPublicPostPage, publicPostWhere } from "./queries";
import { postCardSelect, postPageSelect } from "./selects";

describe("what visitors may see", () => {
  it("shows active listings' posts, newest first", async () => {
    const listing = await createListing();
    const older = await createPost(listing.id, { publishedAt: new Date("2026-01-01") });
    const newer = await createPost(listing.id, { publishedAt: new Date("2026-02-01") });
    expect((await getListingPosts(listing.id, 10)).map((post) => post.id)).toEqual([newer.id, older.id]);
    expect((await getPublicPost(newer.id))?.blog.slug).toBe(listing.slug);
  });

  it("hides a hidden post, and every post of a suspended, pending or rejected listing", async () => {
    const listing = await createListing();
    const hidden = await createPost(listing.id, { hiddenAt: new Date(), hiddenReason: "reported" });
    expect(await getPublicPost(hidden.id)).toBeNull();
    for (const status of ["SUSPENDED", "PENDING", "REJECTED"] as const) {
      const other = await createListing({ status });
      const post = await createPost(other.id);
      expect(await getPublicPost(post.id)).toBeNull();
      expect(await getPublicListing(other.slug)).toBeNull();
      expect((await getLatestPosts(100)).map((p) => p.id)).not.toContain(post.id);
    }
  });

  it("keeps a dormant listing's archive readable", async () => {
    const listing = await createListing({ status: "DORMANT", dormantSince: new Date() });
    const post = await createPost(listing.id);
    expect(await getPublicPost(post.id)).not.toBeNull();
  });

  it("stops showing posts at once when the owner chooses not to be mirrored", async () => {
    const listing = await createListing();
    const post = await createPost(listing.id);
    await db.blog.update({ where: { id: listing.id }, data: { mirrorMode: "NONE" } });
    expect(await getPublicPost(post.id)).toBeNull();
    expect(await getListingPosts(listing.id, 10)).toEqual([]);
    expect(await getPublicListing(listing.slug)).not.toBeNull();
  });
});

describe("a listing's page in one query", () => {
  it("holds the listing and its newest public posts as cards, none for a listing mirrored 'none', nothing for a hidden listing", async () => {
    const listing = await createListing();
    const older = await createPost(listing.id, { publishedAt: new Date("2026-01-01") });
    const newer = await createPost(listing.id, { publishedAt: new Date("2026-02-01") });
    await createPost(listing.id, { hiddenAt: new Date() });
    const page = await getListingPage(listing.slug, 10);
    expect(page?.posts.map((post) => post.id)).toEqual([newer.id, older.id]);
    // The same card shape as every other list of posts.
    expect(page?.posts[0]).toEqual((await getListingPosts(listing.id, 1))[0]);
    await db.blog.update({ where: { id: listing.id }, data: { mirrorMode: "NONE" } });
    expect((await getListingPage(listing.slug, 10))?.posts).toEqual([]);
    await db.blog.update({ where: { id: listing.id }, data: { status: "SUSPENDED" } });
    expect(await getListingPage(listing.slug, 10)).toBeNull();
  });

  it("pages through older posts by keyset, ties in time included, without repeating or skipping one", async () => {
    const listing = await createListing();
    const ids: string[] = [];
    for (let i = 0; i < 29; i++) ids.push((await createPost(listing.id, { publishedAt: new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 3))) })).id);
    await createPost(listing.id, { hiddenAt: new Date() });
    const seen: string[] = [];
    let before: { publishedAt: Date; id: string } | undefined;
    let pages = 0;
    do {
      const page = await getListingPage(listing.slug, 12, before);
      expect(page?.posts.length).toBeLessThanOrEqual(12);
      seen.push(...page!.posts.map((post) => post.id));
      before = page!.older ?? undefined;
      pages++;
    } while (before);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(29);
    expect(new Set(seen)).toEqual(new Set(ids));
    const times = await db.post.findMany({ where: { id: { in: seen } }, select: { id: true, publishedAt: true } });
    const at = new Map(times.map((post) => [post.id, post.publishedAt.getTime()]));
    for (let i = 1; i < seen.length; i++) expect(at.get(seen[i - 1]!)!).toBeGreaterThanOrEqual(at.get(seen[i]!)!);
    // The cursor the page writes reads back to the same page.
    const first = await getListingPage(listing.slug, 12);
    const cursor = ZPostCursor.parse(`${first!.older!.publishedAt.getTime()}_${first!.older!.id}`);
    expect((await getListingPage(listing.slug, 12, cursor))?.posts.map((post) => post.id)).toEqual(seen.slice(12, 24));
    await db.blog.update({ where: { id: listing.id }, data: { mirrorMode: "NONE" } });
    expect(await getListingPage(listing.slug, 12)).toMatchObject({ posts: [], older: null });
  });
});

describe("the listing page's statement", () => {
  it("finds what Prisma finds with publicListingWhere and listingPageSelect, field for field, in every state", async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const [second, first] = [
      await db.category.create({ data: { slug: `second-${suffix}`, name: "Second", position: 2 } }),
      await db.category.create({ data: { slug: `first-${suffix}`, name: "First & <Co>", position: 1 } }),
    ];
    const tags = [await db.tag.create({ data: { slug: `zeta-${suffix}`, name: "zeta" } }), await db.tag.create({ data: { slug: `alpha-${suffix}`, name: "alpha" } })];
    const business = await createListing({
      tier: "BUSINESS",
      status: "DORMANT",
      dormantSince: new Date("2026-06-01T00:00:00.001Z"),
      verifiedAt: new Date("2026-03-04T05:06:07.089Z"),
      language: "en",
      country: "GB",
      postsPerWeek: 2.5,
      errorCount: 3,
      lastSuccessAt: new Date("2026-05-01T00:00:00Z"),
      lastCheckedAt: new Date("2026-05-02T00:00:00Z"),
      logoUrl: "https://blog.example/logo.png",
      ctaLabel: "Book a table",
      ctaUrl: "https://blog.example/book",
      contactEmail: "owner@blog.example",
      socialLinks: { mastodon: "https://social.example/@blog" },
      categories: { create: [{ categoryId: second.id }, { categoryId: first.id }] },
      tags: { create: tags.map((tag) => ({ tagId: tag.id })) },
    });
    await createPost(business.id, { authors: ["Ann", "Bo"], imageUrl: "https://blog.example/a.png", readingMinutes: 7 });
    await createPost(business.id, { publishedAt: new Date("2026-01-01T00:00:00.001Z") });
    const listings = [business, await createListing(), await createListing({ status: "SUSPENDED" }), await createListing({ status: "PENDING" }), await createListing({ mirrorMode: "NONE" })];
    // Prisma leaves the order of a listing's categories and tags to the database; the page's are in the tree's order and by name.
    const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
    for (const listing of listings) {
      const viaPrisma = await db.blog.findFirst({ where: { slug: listing.slug, ...publicListingWhere }, select: listingPageSelect });
      const page = await getListingPage(listing.slug, 10);
      if (!viaPrisma) {
        expect(page).toBeNull();
        continue;
      }
      expect(page?.listing).toEqual({ ...viaPrisma, categories: expect.any(Array), tags: expect.any(Array) });
      expect(byName(page!.listing.categories.map((entry) => entry.category))).toEqual(byName(viaPrisma.categories.map((entry) => entry.category)));
      expect(byName(page!.listing.tags.map((entry) => entry.tag))).toEqual(byName(viaPrisma.tags.map((entry) => entry.tag)));
    }
    const page = await getListingPage(business.slug, 10);
    expect(page?.listing.categories.map((entry) => entry.category.name)).toEqual(["First & <Co>", "Second"]);
    expect(page?.listing.tags.map((entry) => entry.tag.name)).toEqual(["alpha", "zeta"]);
    expect(page?.listing).toMatchObject({ tier: "BUSINESS", postsPerWeek: 2.5, socialLinks: { mastodon: "https://social.example/@blog" }, verifiedAt: new Date("2026-03-04T05:06:07.089Z") });
    // Each post card as every other list of posts has it, dates as dates.
    expect(page?.posts).toEqual(await getListingPosts(business.id, 10));
    expect(page?.posts[0]?.authors).toEqual(["Ann", "Bo"]);
  });
});

describe("the listing page's statements, planned for any value", () => {
  it("find the listing by its slug and seek the (blogId, publishedAt, id) index to the cursor for older posts", async () => {
    // Enough listings and posts, analysed, for the planner to weigh the indexes as on a real directory.
    const suffix = Math.random().toString(36).slice(2, 8);
    await db.blog.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({ slug: `planned-${suffix}-${i}`, name: `Planned ${i}`, siteUrl: `https://p${i}.example`, feedUrl: `https://p${i}.example/feed.xml`, status: "ACTIVE" as const })),
    });
    const blogs = await db.blog.findMany({ where: { slug: { startsWith: `planned-${suffix}-` } }, select: { id: true } });
    await db.post.createMany({
      data: blogs.flatMap((blog, b) =>
        Array.from({ length: 40 }, (_, i) => ({
          blogId: blog.id,
          identityKey: `https://p${b}.example/${suffix}/${i}`,
          url: `https://p${b}.example/${suffix}/${i}`,
          title: `Planned post ${i}`,
          contentHtml: "<p>Body</p>",
          publishedAt: new Date(Date.UTC(2026, 0, 1) + (b * 40 + i) * 3_600_000),
          contentHash: `${suffix}${b}-${i}`.padEnd(64, "0"),
        })),
      ),
    });
    await db.$executeRawUnsafe(`ANALYZE "Blog", "Post"`);
    const older = await genericPlan(listingPageSql(true));
    expect(older).toContain("Blog_slug_key");
    expect(older).toMatch(/Index Scan using "Post_blogId_publishedAt_id_idx" on "Post" p.*\n\s+Index Cond: \(\("blogId" = b\.id\) AND \("publishedAt" <= \$3\)\)/);
  });
});

describe("the post page's lookup in SQL", () => {
  it("finds what Prisma finds with publicPostWhere and postPageSelect, field for field, in every state", async () => {
    const listing = await createListing({ status: "DORMANT", dormantSince: new Date() });
    await db.blog.update({ where: { id: listing.id }, data: { verifiedAt: new Date("2026-03-04T05:06:07.089Z"), iconUrl: "https://blog.example/icon.png" } });
    const posts = [
      await createPost(listing.id, { authors: ["Ann", "Bo"], feedUpdatedAt: new Date("2026-05-01T00:00:00.001Z") }),
      await createPost(listing.id, { hiddenAt: new Date(), hiddenReason: "reported" }),
      await createPost((await createListing({ status: "SUSPENDED" })).id),
      await createPost((await createListing({ mirrorMode: "NONE" })).id),
    ];
    for (const post of posts) {
      const viaPrisma = await db.post.findFirst({ where: { ...publicPostWhere, id: post.id }, select: postPageSelect });
      expect(await getPublicPost(post.id)).toEqual(viaPrisma);
    }
    expect(await getPublicPost(posts[0]!.id)).toMatchObject({ authors: ["Ann", "Bo"], blog: { verifiedAt: new Date("2026-03-04T05:06:07.089Z") } });
    expect(await getPublicPost("no-such-post")).toBeNull();
  });

  it("gives a post page the same post, and its related posts, in the one query", async () => {
    const listing = await createListing();
    const post = await createPost(listing.id, { title: "Kohlrabi pickling notes" });
    const similar = await createPost((await createListing()).id, { title: "Pickling kohlrabi in winter" });
    const page = await getPublicPostPage(post.id);
    expect(page?.post).toEqual(await getPublicPost(post.id));
    expect(page?.related.map((card) => card.id)).toEqual(await relatedIds(post, 4));
    expect(page?.related[0]?.id).toBe(similar.id);
    await db.blog.update({ where: { id: listing.id }, data: { status: "SUSPENDED" } });
    expect(await getPublicPostPage(post.id)).toBeNull();
    expect(await getPublicPostPage("no-such-post")).toBeNull();
  });
});

/** The ids of a post's related cards as `related_post_cards` chooses them, any number of them. */
async function relatedIds(post: { id: string; title: string; blogId: string }, howMany: number) {
  const [row] = await db.$queryRaw<Array<{ cards: Array<{ id: string }> }>>`SELECT related_post_cards(${post.id}, ${post.title}, ${post.blogId}, ${howMany}) AS cards`;
  return row!.cards.map((card) => card.id);
}

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
    const related = (await getPublicPostPage(post.id))!.related;
    expect(related.map((item) => item.id)).toEqual([similar.id, sameBlog.id]);
    // A ranked card and a topped-up one have the same fields as a card Prisma reads, dates as dates.
    const asPrismaReads = async (id: string) => db.post.findUniqueOrThrow({ where: { id }, select: postCardSelect });
    expect(related).toEqual([await asPrismaReads(similar.id), await asPrismaReads(sameBlog.id)]);
  });

  it("shows a match exactly when Prisma's publicPostWhere would show it, in every listing state", async () => {
    const post = await createPost((await createListing()).id, { title: "Vexillology basics" });
    const matches = [];
    for (const status of ["ACTIVE", "DORMANT", "PENDING", "REJECTED", "SUSPENDED"] as const) matches.push(await createPost((await createListing({ status })).id, { title: `Vexillology, ${status}` }));
    matches.push(await createPost((await createListing({ mirrorMode: "NONE" })).id, { title: "Vexillology, not mirrored" }));
    matches.push(await createPost((await createListing()).id, { title: "Vexillology, hidden", hiddenAt: new Date() }));
    const visible = await db.post.findMany({ where: { ...publicPostWhere, id: { in: matches.map((match) => match.id) } }, select: { id: true } });
    expect(visible).toHaveLength(2);
    expect((await relatedIds(post, 12)).sort()).toEqual(visible.map((match) => match.id).sort());
  });

  it("tops up with the newest posts of the same blog, as many as are missing, never one of a hidden listing", async () => {
    const blog = await createListing();
    const post = await createPost(blog.id, { title: "Zzyzx quuxbarbaz" });
    const others = [];
    for (let day = 1; day <= 6; day++) others.push(await createPost(blog.id, { title: `Untitled ${day}`, publishedAt: new Date(Date.UTC(2026, 0, day)) }));
    await createPost(blog.id, { title: "Untitled, hidden", publishedAt: new Date(Date.UTC(2026, 1, 1)), hiddenAt: new Date() });
    const newestFirst = others.map((other) => other.id).reverse();
    expect(await relatedIds(post, 4)).toEqual(newestFirst.slice(0, 4));
    expect(await relatedIds(post, 2)).toEqual(newestFirst.slice(0, 2));
    // One match elsewhere: it comes first, and three of the blog's own fill the rest.
    const similar = await createPost((await createListing()).id, { title: "Quuxbarbaz elsewhere" });
    expect(await relatedIds(post, 4)).toEqual([similar.id, ...newestFirst.slice(0, 3)]);
    await db.blog.update({ where: { id: blog.id }, data: { mirrorMode: "NONE" } });
    expect(await relatedIds(post, 4)).toEqual([similar.id]);
  });

  it("matches on a title's distinctive words: four letters or more, each once, the first eight", async () => {
    const words = async (title: string) => (await db.$queryRaw<Array<{ words: string | null }>>`SELECT related_post_words(${title}) AS words`)[0]!.words;
    expect(await words("A & B: the <best>!")).toBe("best");
    expect(await words("a b c")).toBeNull();
    expect(await words("")).toBeNull();
    expect(await words("Sourdough bread, SOURDOUGH starter")).toBe("sourdough | bread | starter");
    expect(await words("Crème brûlée für Großeltern 2026")).toBe("crème | brûlée | großeltern | 2026");
    expect(await words("one1 two2 three four five sixsix seven eight nine")).toBe("one1 | two2 | three | four | five | sixsix | seven | eight");
    // Nothing in a title reaches the ranking statement but words (its text is written into it).
    expect(await words("it's ' | !quote') OR 1=1 --")).toBe("quote");
  });
});


describe("related posts' plan", () => {
  it("has the statistics on the full-text vector that let the planner tell a rare title word from a common one", async () => {
    // With the default (100) a rare word was estimated at 26 times its matches, and related posts
    // walked the date index for 32 ms instead of reading the GIN index in 0.3 (docs/decisions/007).
    const [column] = await db.$queryRaw<Array<{ target: number | null }>>`
      SELECT attstattarget::int AS target FROM pg_attribute WHERE attrelid = '"Post"'::regclass AND attname = 'searchVector'`;
    expect(column?.target).toBe(1000);
  });
});
