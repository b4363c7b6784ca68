import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createListing } from "@/lib/testing/fixtures";
import { getFeaturedListings } from "./queries";

describe("featured Business Listings", () => {
  it("rotates fairly hour by hour, only paying public listings, and within a category when asked", async () => {
    const category = await db.category.create({ data: { slug: "featured-cat", name: "F" } });
    const paying = [];
    for (let i = 0; i < 3; i++) paying.push(await createListing({ tier: "BUSINESS" }));
    await createListing({ tier: "FREE" });
    await createListing({ tier: "BUSINESS", status: "SUSPENDED" });
    await db.blogCategory.create({ data: { blogId: paying[1]!.id, categoryId: category.id } });
    const firstSlots = new Map<string, number>();
    for (let hour = 0; hour < 6; hour++) {
      const slots = await getFeaturedListings(3, { now: new Date(hour * 3_600_000) });
      expect(new Set(slots.map((listing) => listing.id))).toEqual(new Set(paying.map((listing) => listing.id)));
      firstSlots.set(slots[0]!.id, (firstSlots.get(slots[0]!.id) ?? 0) + 1);
    }
    expect([...firstSlots.values()]).toEqual([2, 2, 2]);
    expect((await getFeaturedListings(3, { categoryId: category.id })).map((listing) => listing.id)).toEqual([paying[1]!.id]);
  });
});
