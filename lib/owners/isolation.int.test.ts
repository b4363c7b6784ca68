// Tenant isolation, proven: owners A and B with generated listings and roles. Whatever A asks for
// with B's ids is "not found" and leaves B's rows exactly as they were; every list A sees holds only
// A's listings (security.md 9-10).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/guards";
import { getBillingState, getOwnedListingsForPricing, openBillingPortal, startCheckout } from "@/lib/billing/checkout";
import { checkClaim, getMyClaim, ownsListing } from "@/lib/claims/claims";
import { db } from "@/lib/db";
import { policyOf } from "@/lib/ingest/url-policy";
import { getMySubmissions } from "@/lib/listings/submit";
import { createListing, createUser } from "@/lib/testing/fixtures";
import { changeMemberRole, getPeople, inviteMember, leaveListing, removeMember } from "./members";
import { getMyListing, getMyListings, updateMyListing } from "./my-listings";

const asCurrent = (user: { id: string; email: string; name: string | null }): CurrentUser => ({ id: user.id, email: user.email, name: user.name, role: "USER" });

async function tenant(roles: Array<"OWNER" | "EDITOR">) {
  const user = await createUser();
  const listings = [];
  for (const role of roles) {
    const listing = await createListing({ submittedById: user.id });
    await db.blogMember.create({ data: { blogId: listing.id, userId: user.id, role } });
    listings.push(listing);
  }
  return { user: asCurrent(user), listings };
}

const snapshot = (ids: string[]) =>
  db.blog.findMany({
    where: { id: { in: ids } },
    orderBy: { id: "asc" },
    include: { categories: true, tags: true, members: true, claims: true, invitations: true, billing: true },
  });

const VALID_EDIT = { description: "Taken over", language: "en", mirrorMode: "NONE", categories: ["technology"], tags: "hijacked" };

describe("owner isolation", () => {
  it("A never sees, reads or changes B's listings, whatever the mix of listings and roles", async () => {
    await db.category.upsert({ where: { slug: "technology" }, create: { slug: "technology", name: "Technology" }, update: {} });
    const role = fc.constantFrom<"OWNER" | "EDITOR">("OWNER", "EDITOR");
    await fc.assert(
      fc.asyncProperty(fc.array(role, { minLength: 0, maxLength: 3 }), fc.array(role, { minLength: 1, maxLength: 3 }), async (rolesA, rolesB) => {
        const a = await tenant(rolesA);
        const b = await tenant(rolesB);
        const bIds = b.listings.map((listing) => listing.id);
        const before = await snapshot(bIds);

        // Lists hold only A's rows.
        expect((await getMyListings(a.user)).map((row) => row.id).sort()).toEqual(a.listings.map((listing) => listing.id).sort());
        expect((await getMySubmissions(a.user)).every((row) => a.listings.some((listing) => listing.slug === row.slug))).toBe(true);

        // Every read and write with B's ids answers "not found" (or nothing) for A.
        for (const listing of b.listings) {
          expect(await getMyListing(a.user, listing.slug)).toBeNull();
          expect(await updateMyListing(a.user, listing.slug, VALID_EDIT)).toEqual({ kind: "not-found" });
          expect(await ownsListing(a.user, listing.id)).toBe(false);
          expect(await getMyClaim(a.user, listing.id)).toBeNull();
          expect((await checkClaim(a.user, listing.id, { code: "000000" }, policyOf([]))).kind).toBe("closed");
          expect(await getPeople(a.user, listing.slug)).toBeNull();
          expect(await inviteMember(a.user, listing.slug, { email: "accomplice@blogatlas.example" })).toEqual({ kind: "not-found" });
          expect(await changeMemberRole(a.user, listing.slug, b.user.id, "EDITOR")).toEqual({ kind: "not-found" });
          expect(await removeMember(a.user, listing.slug, b.user.id)).toEqual({ kind: "not-found" });
          expect(await leaveListing(a.user, listing.slug)).toEqual({ kind: "not-found" });
          // Billing: B's listing cannot be paid for, managed or read by A.
          expect(await startCheckout(a.user, listing.slug, "monthly")).toEqual({ kind: "not-found" });
          expect(await openBillingPortal(a.user, listing.slug)).toEqual({ kind: "not-found" });
          expect(await getBillingState(a.user, listing.slug)).toBeNull();
        }
        expect((await getOwnedListingsForPricing(a.user)).every((row) => a.listings.some((listing) => listing.slug === row.slug))).toBe(true);
        expect(await snapshot(bIds)).toEqual(before);
      }),
      { numRuns: 12 },
    );
  });

  it("an editor edits, an outsider gets not-found, and the edit shows up only on the edited listing", async () => {
    const a = await tenant(["EDITOR"]);
    const b = await tenant(["OWNER"]);
    const answer = await updateMyListing(a.user, a.listings[0]!.slug, { ...VALID_EDIT, mirrorMode: "EXCERPT", description: "Ours" });
    expect(answer).toEqual({ kind: "saved" });
    expect((await db.blog.findUniqueOrThrow({ where: { id: a.listings[0]!.id } })).description).toBe("Ours");
    expect((await db.blog.findUniqueOrThrow({ where: { id: b.listings[0]!.id } })).description).toBeNull();
  });

  it("answers bad fields next to each one", async () => {
    const a = await tenant(["OWNER"]);
    const answer = await updateMyListing(a.user, a.listings[0]!.slug, { mirrorMode: "ALL", categories: [], language: "english", ctaUrl: "javascript:alert(1)", contactEmail: "not an address" });
    expect(answer).toEqual({
      kind: "invalid",
      errors: {
        mirrorMode: "Choose how much of each post we show.",
        categories: "Choose at least one category.",
        language: "Use a language code, such as en or pt-BR.",
        ctaUrl: "The button must link to an http(s) address.",
        contactEmail: "Enter an e-mail address, or leave it empty.",
      },
    });
  });

  it("reads logo and button addresses as a browser would: an http(s) start is not enough", async () => {
    const a = await tenant(["OWNER"]);
    const answer = await updateMyListing(a.user, a.listings[0]!.slug, { ...VALID_EDIT, logoUrl: "https://[not-a-host/logo.png", ctaUrl: "http://" });
    expect(answer).toEqual({ kind: "invalid", errors: { logoUrl: "The logo must be an http(s) address of an image.", ctaUrl: "The button must link to an http(s) address." } });
  });

  it("keeps up to six social profiles, one a line, and refuses anything else", async () => {
    const a = await tenant(["OWNER"]);
    const slug = a.listings[0]!.slug;
    const stored = async () => (await db.blog.findUniqueOrThrow({ where: { id: a.listings[0]!.id } })).socialLinks;
    expect(await updateMyListing(a.user, slug, { ...VALID_EDIT, socialLinks: " https://x.com/a \r\n\nhttps://github.com/a\n" })).toEqual({ kind: "saved" });
    expect(await stored()).toEqual(["https://x.com/a", "https://github.com/a"]);
    for (const [socialLinks, error] of [
      ["https://x.com/a\njavascript:alert(1)", "Put one http(s) address on each line, such as https://mastodon.social/@you."],
      [Array.from({ length: 7 }, (_, n) => `https://s${n}.example/`).join("\n"), "Up to 6 profiles."],
    ]) {
      expect(await updateMyListing(a.user, slug, { ...VALID_EDIT, socialLinks })).toEqual({ kind: "invalid", errors: { socialLinks: error } });
    }
    expect(await stored()).toEqual(["https://x.com/a", "https://github.com/a"]);
    expect(await updateMyListing(a.user, slug, { ...VALID_EDIT, socialLinks: "" })).toEqual({ kind: "saved" });
    expect(await stored()).toBeNull();
  });
});
