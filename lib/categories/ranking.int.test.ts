import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { refreshRankScores } from "@/lib/listings/ranking";
import { listingCardSelect } from "@/lib/listings/selects";
import { createListing, createPost } from "@/lib/testing/fixtures";
import { genericPlan } from "@/lib/testing/generic-plan";
import { getCategoryRanking, getRanking, rankingSql, type TRankCursor } from "./queries";

async function categoryWith(count: number, slug: string) {
  const category = await db.category.create({ data: { slug, name: slug } });
  const blogs = [];
  for (let i = 0; i < count; i++) {
    // Ties on purpose: several listings share each score.
    const blog = await createListing({ postsPerWeek: i % 5, lastPostAt: new Date(Date.now() - (i % 3) * 86_400_000) });
    await db.blogCategory.create({ data: { blogId: blog.id, categoryId: category.id } });
    blogs.push(blog);
  }
  await refreshRankScores(db);
  return { category, blogs };
}

describe("the category ranking", () => {
  it("scores by the published formula, not by tier", async () => {
    const { category } = await categoryWith(0, "formula");
    const active = await createListing({ postsPerWeek: 7, tier: "FREE" });
    const paying = await createListing({ postsPerWeek: 0, tier: "BUSINESS" });
    await createPost(active.id, { publishedAt: new Date() });
    await db.blog.update({ where: { id: active.id }, data: { lastPostAt: new Date() } });
    for (const blog of [active, paying]) await db.blogCategory.create({ data: { blogId: blog.id, categoryId: category.id } });
    await refreshRankScores(db, [active.id, paying.id]);
    const { listings } = await getCategoryRanking(category.id);
    expect(listings.map((listing) => listing.id)).toEqual([active.id, paying.id]);
    // regularity 1 × 0.4 + freshness ≈1 × 0.3
    expect(listings[0]!.rankScore).toBeCloseTo(0.7, 2);
    expect(listings[1]!.rankScore).toBe(0);
    const copies = await db.blogCategory.findMany({ where: { categoryId: category.id }, orderBy: { rankScore: "desc" } });
    expect(copies.map((copy) => copy.rankScore)).toEqual(listings.map((listing) => listing.rankScore));
  });

  it("gives each card exactly as the listing card select reads it", async () => {
    const { category, blogs } = await categoryWith(3, "cards");
    const second = await db.category.create({ data: { slug: "cards-second", name: "Second" } });
    await db.blogCategory.create({ data: { blogId: blogs[0]!.id, categoryId: second.id } });
    await db.blog.update({ where: { id: blogs[0]!.id }, data: { verifiedAt: new Date(), description: null, tier: "BUSINESS" } });
    const { listings } = await getCategoryRanking(category.id);
    expect(listings).toHaveLength(3);
    for (const { rankScore, ...card } of listings) {
      expect(typeof rankScore).toBe("number");
      const expected = await db.blog.findUniqueOrThrow({ where: { id: card.id }, select: listingCardSelect });
      expect({ ...card, categories: [...card.categories].sort((a, b) => a.category.slug.localeCompare(b.category.slug)) }).toEqual({
        ...expected,
        categories: [...expected.categories].sort((a, b) => a.category.slug.localeCompare(b.category.slug)),
      });
    }
  });

  it("pages by keyset through ties without repeating or skipping a listing, and leaves out non-public ones", async () => {
    const { category, blogs } = await categoryWith(47, "paged");
    await db.blog.update({ where: { id: blogs[3]!.id }, data: { status: "SUSPENDED" } });
    const seen: string[] = [];
    let cursor: TRankCursor | undefined;
    let pages = 0;
    do {
      const page = await getCategoryRanking(category.id, cursor, 10);
      seen.push(...page.listings.map((listing) => listing.id));
      for (let i = 1; i < page.listings.length; i++) expect(page.listings[i - 1]!.rankScore).toBeGreaterThanOrEqual(page.listings[i]!.rankScore);
      cursor = page.next ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(46);
    expect(new Set(seen).size).toBe(46);
    expect(seen).not.toContain(blogs[3]!.id);
  });

  it("uses the (categoryId, rankScore, blogId) index for a deep page", async () => {
    const { category } = await categoryWith(5, "explained");
    const plan = await db.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(
      `EXPLAIN SELECT bc."blogId" FROM "BlogCategory" bc WHERE bc."categoryId" = $1 AND (bc."rankScore", bc."blogId") < (0.5::float8, 'z') ORDER BY bc."rankScore" DESC, bc."blogId" DESC LIMIT 21`,
      category.id,
    );
    await db.$executeRawUnsafe("SET enable_seqscan = off");
    const forced = await db.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(
      `EXPLAIN SELECT bc."blogId" FROM "BlogCategory" bc WHERE bc."categoryId" = $1 AND (bc."rankScore", bc."blogId") < (0.5::float8, 'z') ORDER BY bc."rankScore" DESC, bc."blogId" DESC LIMIT 21`,
      category.id,
    );
    await db.$executeRawUnsafe("SET enable_seqscan = on");
    expect(plan.length).toBeGreaterThan(0);
    expect(forced.map((row) => row["QUERY PLAN"]).join("\n")).toMatch(/BlogCategory_categoryId_rankScore_blogId_idx/);
  });
});

describe("the ranking's prepared statements", () => {
  it("seek the (categoryId|tagId, rankScore, blogId) index to the cursor even in a plan made for any cursor", async () => {
    for (const [kind, index] of [
      ["category", "BlogCategory_categoryId_rankScore_blogId_idx"],
      ["tag", "BlogTag_tagId_rankScore_blogId_idx"],
    ] as const) {
      const after = await genericPlan(rankingSql(kind, true));
      expect(after).toContain(index);
      expect(after).toMatch(/Index Cond: .*ROW\("rankScore", "blogId"\) < ROW\(\$3, \$4\)/);
    }
  });
});

describe("the ranking's inputs", () => {
  it("counts subscribers and click-through, each capped", async () => {
    const { category } = await categoryWith(0, "inputs");
    const plain = await createListing();
    const loved = await createListing();
    for (const blog of [plain, loved]) await db.blogCategory.create({ data: { blogId: blog.id, categoryId: category.id } });
    await db.emailSubscription.createMany({
      data: Array.from({ length: 9 }, (_, i) => ({ blogId: loved.id, email: `s${i}@example.com`, status: "CONFIRMED" as const, unsubscribeToken: `t-${loved.id}-${i}` })),
    });
    await db.dailyListingStat.create({ data: { blogId: loved.id, day: new Date(), views: 100, clicks: 50 } });
    await refreshRankScores(db, [plain.id, loved.id]);
    const scores = Object.fromEntries((await db.blog.findMany({ where: { id: { in: [plain.id, loved.id] } }, select: { id: true, rankScore: true } })).map((row) => [row.id, row.rankScore]));
    expect(scores[plain.id]).toBe(0);
    // subscribers: log10(10) / 3 × 0.2; click-through: min(5 × 0.5, 1) × 0.1
    expect(scores[loved.id]).toBeCloseTo((1 / 3) * 0.2 + 0.1, 5);
  });
});

describe("the tag ranking", () => {
  it("orders a tag's listings by the same score, kept in step by refreshRankScores", async () => {
    const tag = await db.tag.create({ data: { slug: "t-rank", name: "T" } });
    const busy = await createListing({ postsPerWeek: 6 });
    const quiet = await createListing({ postsPerWeek: 1 });
    const hidden = await createListing({ postsPerWeek: 7, status: "SUSPENDED" });
    for (const blog of [quiet, busy, hidden]) await db.blogTag.create({ data: { blogId: blog.id, tagId: tag.id } });
    await refreshRankScores(db, [busy.id, quiet.id, hidden.id]);
    const { listings } = await getRanking("tag", tag.id);
    expect(listings.map((listing) => listing.id)).toEqual([busy.id, quiet.id]);
    const copies = await db.blogTag.findMany({ where: { tagId: tag.id }, select: { blogId: true, rankScore: true } });
    const scores = Object.fromEntries((await db.blog.findMany({ where: { id: { in: copies.map((c) => c.blogId) } }, select: { id: true, rankScore: true } })).map((b) => [b.id, b.rankScore]));
    for (const copy of copies) expect(copy.rankScore).toBe(scores[copy.blogId]);
  });
});
