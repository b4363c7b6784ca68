// npm run admin -- grant <email>    make this address an administrator (now, or when it first signs in)
// npm run admin -- revoke <email>   make it an ordinary member again
// npm run admin -- list             list the administrators
// npm run admin -- business-grant <listing-slug> "<reason>"    grant a Business Listing by hand
// npm run admin -- business-remove <listing-slug> "<reason>"   withdraw that grant
// Every change is written to the audit log; the actor is the operator at the command line (no user).
import { createPrismaClient, db as appDb } from "@/lib/db";
import { ZSignInEmail } from "@/lib/auth/email-address";
import { setBusinessGrant } from "@/lib/billing/grants";
import { fail, withDatabase } from "./support/with-database";

const [command, argument, ...rest] = process.argv.slice(2);
const usage = 'usage: npm run admin -- grant <email> | revoke <email> | list | business-grant <slug> "<reason>" | business-remove <slug> "<reason>"';
const commands = ["list", "grant", "revoke", "business-grant", "business-remove"];
if (!command || !commands.includes(command)) fail(usage);

if (command === "business-grant" || command === "business-remove") {
  const reason = rest.join(" ").trim();
  if (!argument || !reason) fail(`${usage}\n(a listing slug and a reason are required: the audit log keeps why)`);
  await withDatabase(async (databaseUrl) => {
    process.env.DATABASE_URL = databaseUrl;
    try {
      const answer = await setBusinessGrant(null, argument, command === "business-grant", `${reason} (npm run admin)`);
      if (answer.kind === "not-found") fail(`no listing with the slug ${argument}`);
      if (answer.kind === "unchanged") console.log(answer.message);
      else console.log(`${argument}: ${command === "business-grant" ? "Business Listing granted" : "grant withdrawn"}; it is now ${answer.change.after === "BUSINESS" ? "a Business Listing" : "a free listing"}`);
    } finally {
      await appDb.$disconnect();
    }
  });
} else {
  const email = command === "list" ? undefined : ZSignInEmail.safeParse(argument ?? "");
  if (email && !email.success) fail(`${argument ?? "(none)"}: ${email.error.issues[0]?.message ?? "not an e-mail address"}`);

  await withDatabase(async (databaseUrl) => {
    const db = createPrismaClient(databaseUrl);
    try {
      if (command === "list") {
        const admins = await db.user.findMany({ where: { role: "ADMIN" }, select: { email: true, name: true }, orderBy: { email: "asc" } });
        console.log(admins.length ? admins.map((admin) => `${admin.email}${admin.name ? ` (${admin.name})` : ""}`).join("\n") : "no administrators yet");
        return;
      }
      const address = email!.data!;
      const role = command === "grant" ? "ADMIN" : "USER";
      const user = await db.$transaction(async (tx) => {
        const changed = await tx.user.upsert({ where: { email: address }, create: { email: address, role }, update: { role }, select: { id: true, email: true } });
        await tx.auditLog.create({ data: { action: command === "grant" ? "user.grant-admin" : "user.revoke-admin", targetType: "User", targetId: changed.id, reason: "npm run admin (command line)" } });
        return changed;
      });
      console.log(command === "grant" ? `${user.email} is an administrator` : `${user.email} is no longer an administrator`);
    } finally {
      await db.$disconnect();
    }
  });
}
