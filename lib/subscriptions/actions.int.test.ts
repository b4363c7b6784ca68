import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createListing } from "@/lib/testing/fixtures";
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
