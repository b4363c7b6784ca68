// The people of a listing, on real PostgreSQL; invitations are mailed to an in-process SMTP server.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { createListing, createUser } from "@/lib/testing/fixtures";
import { catchMailIn, waitForMail } from "@/lib/testing/mail-catcher";
import { acceptInvitation, changeMemberRole, deleteMyAccount, getPeople, inviteMember, leaveListing, removeMember } from "./members";

const mailDir = mkdtempSync(path.join(os.tmpdir(), "members-mail-"));
let stopMail: () => Promise<void>;
const current = (user: { id: string; email: string; name: string | null }): CurrentUser => ({ id: user.id, email: user.email, name: user.name, role: "USER" });

async function ownedListing() {
  const owner = current(await createUser());
  const listing = await createListing({ verifiedAt: new Date() });
  await db.blogMember.create({ data: { blogId: listing.id, userId: owner.id, role: "OWNER" } });
  return { owner, listing };
}

beforeAll(async () => {
  stopMail = await catchMailIn(mailDir);
});
afterAll(() => stopMail());

describe("inviting a co-editor", () => {
  it("mails a link that works once, only for the invited address, and makes them a member", async () => {
    const { owner, listing } = await ownedListing();
    const invitee = current(await createUser());
    const stranger = current(await createUser());
    const since = Date.now();
    expect(await inviteMember(owner, listing.slug, { email: invitee.email, role: "EDITOR" })).toEqual({ kind: "done", message: `Invitation sent to ${invitee.email}.` });
    const mail = await waitForMail(invitee.email, since, 10_000, mailDir);
    const token = mail.text.match(/\/invitations\/([\w-]+)/)![1]!;
    expect(await acceptInvitation(stranger, token)).toEqual({ kind: "refused", reason: `This invitation is for ${invitee.email}. Sign in with that address to accept it.` });
    expect(await acceptInvitation(invitee, token)).toEqual({ kind: "accepted", slug: listing.slug, name: listing.name });
    expect((await acceptInvitation(invitee, token)).kind).toBe("refused"); // once
    expect((await getPeople(invitee, listing.slug))?.members.map((member) => [member.email, member.role])).toEqual([
      [owner.email, "OWNER"],
      [invitee.email, "EDITOR"],
    ]);
  });

  it("lets only owners invite, answers bad input next to the field, and refuses an expired link", async () => {
    const { owner, listing } = await ownedListing();
    const editor = current(await createUser());
    await db.blogMember.create({ data: { blogId: listing.id, userId: editor.id, role: "EDITOR" } });
    expect(await inviteMember(editor, listing.slug, { email: "x@blogatlas.example" })).toEqual({ kind: "invalid", errors: { form: "Only an owner of this listing can do that." } });
    expect(await inviteMember(owner, listing.slug, { email: '"odd"@blogatlas.example', role: "BOSS" })).toMatchObject({ kind: "invalid", errors: { email: expect.any(String), role: "Choose owner or editor." } });
    expect(await inviteMember(owner, listing.slug, { email: editor.email })).toEqual({ kind: "invalid", errors: { email: "This person is already a member." } });
    const since = Date.now();
    await inviteMember(owner, listing.slug, { email: "late@blogatlas.example" });
    const token = (await waitForMail("late@blogatlas.example", since, 10_000, mailDir)).text.match(/\/invitations\/([\w-]+)/)![1]!;
    const late = current(await createUser({ email: "late@blogatlas.example" }));
    expect(await acceptInvitation(late, token, new Date(Date.now() + 8 * 86_400_000))).toMatchObject({ kind: "refused" });
  });
});

describe("roles, removal, leaving and deleting an account", () => {
  it("keeps at least one owner, removes members, and leaves a listing ownerless when its last owner leaves", async () => {
    const { owner, listing } = await ownedListing();
    const editor = current(await createUser());
    await db.blogMember.create({ data: { blogId: listing.id, userId: editor.id, role: "EDITOR" } });
    expect(await changeMemberRole(owner, listing.slug, owner.id, "EDITOR")).toEqual({ kind: "invalid", errors: { form: "A listing keeps at least one owner." } });
    expect(await changeMemberRole(editor, listing.slug, owner.id, "EDITOR")).toEqual({ kind: "invalid", errors: { form: "Only an owner of this listing can do that." } });
    expect(await changeMemberRole(owner, listing.slug, editor.id, "OWNER")).toEqual({ kind: "done", message: "Role changed." });
    expect(await removeMember(owner, listing.slug, editor.id)).toEqual({ kind: "done", message: "Removed." });
    expect(await getPeople(editor, listing.slug)).toBeNull();
    expect(await leaveListing(owner, listing.slug)).toEqual({ kind: "done", message: `You left ${listing.name}.` });
    expect((await db.blog.findUniqueOrThrow({ where: { id: listing.id } })).verifiedAt).toBeNull();
    expect(await db.blogMember.count({ where: { blogId: listing.id } })).toBe(0);
  });

  it("deletes the account with its sessions; its listings stay, ownerless", async () => {
    const { owner, listing } = await ownedListing();
    await db.session.create({ data: { sessionToken: `token-${owner.id}`, userId: owner.id, expires: new Date(Date.now() + 86_400_000) } });
    await deleteMyAccount(owner);
    expect(await db.user.findUnique({ where: { id: owner.id } })).toBeNull();
    expect(await db.session.count({ where: { userId: owner.id } })).toBe(0);
    expect(await db.blog.findUniqueOrThrow({ where: { id: listing.id } })).toMatchObject({ verifiedAt: null });
  });
});

describe("when the mail cannot be sent", () => {
  it("says so next to the form and leaves no invitation behind", async () => {
    const { owner, listing } = await ownedListing();
    const working = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // nothing listens there
    try {
      expect(await inviteMember(owner, listing.slug, { email: "unreachable@blogatlas.example" })).toEqual({
        kind: "invalid",
        errors: { form: "We could not send the invitation e-mail just now. Try again in a moment." },
      });
      expect(await db.invitation.count({ where: { blogId: listing.id } })).toBe(0);
    } finally {
      process.env.SMTP_URL = working;
    }
  });
});
