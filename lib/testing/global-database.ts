// Vitest global setup for integration tests: one PostgreSQL for the whole run (the embedded one in
// a throw-away folder, or the server DATABASE_URL names) and one migrated template database that
// every test file clones (lib/testing/file-database.ts), so each file starts clean in milliseconds.
import type { TestProject } from "vitest/node";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/migrations/apply-migrations";
import { scratchPostgres } from "@/lib/services/embedded-postgres";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "@/lib/services/postgres-admin";

declare module "vitest" {
  export interface ProvidedContext {
    dbAdminUrl: string;
    dbTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const { adminUrl, stop: stopServer } = await scratchPostgres("test");
  const template = uniqueDatabaseName("blogatlas_template");
  const templateUrl = await createDatabase(adminUrl, template);
  await applyMigrations(templateUrl, MIGRATIONS_DIR);
  project.provide("dbAdminUrl", adminUrl);
  project.provide("dbTemplate", template);
  return async () => {
    await dropDatabase(adminUrl, template);
    await stopServer();
  };
}
