// npm run admin -- grant <email>    make this address an administrator (now, or when it first signs in)
// npm run admin -- revoke <email>   make it an ordinary member again
// npm run admin -- list             list the administrators
import { createPrismaClient } from "@/lib/db";
import { ZSignInEmail } from "@/lib/auth/email-address";
import { fail, withDatabase } from "./support/with-database";

const [command, rawEmail] = process.argv.slice(2);
const usage = "usage: npm run admin -- grant <email> | revoke <email> | list";
if (command !== "list" && command !== "grant" && command !== "revoke") fail(usage);
const email = command === "list" ? undefined : ZSignInEmail.safeParse(rawEmail ?? "");
if (email && !email.success) fail(`${rawEmail ?? "(none)"}: ${email.error.issues[0]?.message ?? "not an e-mail address"}`);

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
      // Written like every admin action; the actor is the operator at the command line (no user).
      await tx.auditLog.create({ data: { action: command === "grant" ? "user.grant-admin" : "user.revoke-admin", targetType: "User", targetId: changed.id, reason: "npm run admin (command line)" } });
      return changed;
    });
    console.log(command === "grant" ? `${user.email} is an administrator` : `${user.email} is no longer an administrator`);
  } finally {
    await db.$disconnect();
  }
});
