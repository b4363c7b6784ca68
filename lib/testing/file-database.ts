// Runs before each integration test file: a fresh database cloned from the migrated template,
// named in DATABASE_URL before any test imports the app's database client; dropped afterwards.
import { afterAll, inject } from "vitest";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "@/lib/services/postgres-admin";

const adminUrl = inject("dbAdminUrl");
const name = uniqueDatabaseName("blogatlas_test");
process.env.DATABASE_URL = await createDatabase(adminUrl, name, inject("dbTemplate"));
// Route handlers read the full settings; tests supply a throw-away secret.
process.env.NEXTAUTH_SECRET ??= "test-secret-that-is-long-enough-for-the-schema";

afterAll(async () => {
  const holder = globalThis as { blogatlasPrisma?: { $disconnect(): Promise<void> }; blogatlasHotPool?: { end(): Promise<void> } };
  await holder.blogatlasPrisma?.$disconnect();
  delete holder.blogatlasPrisma;
  await holder.blogatlasHotPool?.end();
  delete holder.blogatlasHotPool;
  await dropDatabase(adminUrl, name);
});
