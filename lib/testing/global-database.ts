// Vitest global setup for integration tests: one PostgreSQL for the whole run (the embedded one in
// a throw-away folder, or the server DATABASE_URL names) and one migrated template database that
// every test file clones (lib/testing/file-database.ts), so each file starts clean in milliseconds.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/migrations/apply-migrations";
import { startEmbeddedPostgres } from "@/lib/services/embedded-postgres";
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from "./databases";
import { freePort } from "@/scripts/support/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    dbAdminUrl: string;
    dbTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = databaseUrl(process.env.DATABASE_URL, "postgres");
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "blogatlas-test-"));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach it
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), persistent: false });
    adminUrl = server.adminUrl;
    stopServer = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
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
