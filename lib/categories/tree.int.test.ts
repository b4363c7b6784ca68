import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createListing } from "@/lib/testing/fixtures";
import { forgetCategoryTree, getCategoryTree } from "./queries";

const countOf = async (slug: string) => (await getCategoryTree()).find((node) => node.slug === slug)?.blogCount;

async function listIn(categoryId: string) {
  const blog = await createListing();
  await db.blogCategory.create({ data: { blogId: blog.id, categoryId } });
}

/** A category read into the tree with one listing, then given a second the tree does not know of yet. */
async function categoryGrownAfterRead(slug: string) {
  const category = await db.category.create({ data: { slug, name: slug } });
  await listIn(category.id);
  expect(await countOf(slug)).toBe(1);
  await listIn(category.id);
}

describe("the category tree", () => {
  beforeEach(() => {
    forgetCategoryTree();
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("is read once a minute; an old one is answered at once while a fresh one is read", async () => {
    await categoryGrownAfterRead("tree-counts");
    // Within the minute: the tree in hand.
    vi.setSystemTime(Date.now() + 59_000);
    expect(await countOf("tree-counts")).toBe(1);
    // Past it: still the tree in hand, for this request, while a fresh one is read...
    vi.setSystemTime(Date.now() + 2_000);
    expect(await countOf("tree-counts")).toBe(1);
    // ...which the next requests get.
    await vi.waitFor(async () => expect(await countOf("tree-counts")).toBe(2));
  });

  it("keeps the tree in hand when a fresh read fails, and tries again on the next request", async () => {
    await categoryGrownAfterRead("tree-failing");
    vi.setSystemTime(Date.now() + 61_000);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    // The database refuses the next read (the client the `db` proxy hands out).
    const client = (globalThis as unknown as { blogatlasPrisma: typeof db }).blogatlasPrisma;
    const read = vi.spyOn(client, "$queryRaw").mockRejectedValueOnce(new Error("connection refused"));
    expect(await countOf("tree-failing")).toBe(1);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining("connection refused")));
    expect(await countOf("tree-failing")).toBe(1);
    await vi.waitFor(async () => expect(await countOf("tree-failing")).toBe(2));
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("is read again at once after a first read that failed", async () => {
    const category = await db.category.create({ data: { slug: "tree-retried", name: "Tree retried" } });
    await listIn(category.id);
    const client = (globalThis as unknown as { blogatlasPrisma: typeof db }).blogatlasPrisma;
    vi.spyOn(client, "$queryRaw").mockRejectedValueOnce(new Error("connection refused"));
    await expect(getCategoryTree()).rejects.toThrow("connection refused");
    expect(await countOf("tree-retried")).toBe(1);
  });
});
