// For one-shot commands (migrate, seed): use DATABASE_URL when set; otherwise start the embedded
// PostgreSQL of `npm run dev` (its data under .data/), run the task, and stop it again.
import path from "node:path";
import nextEnv from "@next/env";
import { loadDatabaseUrl, loadRunnerSettings } from "@/lib/env";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/migrations/apply-migrations";
import { startEmbeddedPostgres } from "@/lib/services/embedded-postgres";
import { ensureDatabase } from "@/lib/services/postgres-admin";

export const PROJECT_DIR = process.cwd();
export const DEV_DATA_DIR = path.join(PROJECT_DIR, ".data", "pg");
export const DEV_DATABASE = "blogatlas";
export const devPgPort = () => loadRunnerSettings().EMBEDDED_PG_PORT;

export function fail(error: unknown): never {
  console.error(error instanceof Error ? `error: ${error.message}` : `error: ${String(error)}`);
  process.exit(1);
}

/**
 * For the seed commands: pending migrations first, each named as it is applied, so that a seed on a
 * fresh clone (or a new database) fills the tables rather than failing on one that does not exist.
 */
export async function migrated(databaseUrl: string): Promise<string> {
  await applyMigrations(databaseUrl, MIGRATIONS_DIR, (line) => console.log(line));
  return databaseUrl;
}

export async function withDatabase(task: (databaseUrl: string) => Promise<void>): Promise<void> {
  nextEnv.loadEnvConfig(PROJECT_DIR, process.env.NODE_ENV !== "production");
  try {
    if (process.env.DATABASE_URL) {
      await task(loadDatabaseUrl());
      return;
    }
    const server = await startEmbeddedPostgres({ dataDir: DEV_DATA_DIR, port: devPgPort(), persistent: true });
    try {
      await ensureDatabase(server.adminUrl, DEV_DATABASE);
      await task(server.urlFor(DEV_DATABASE));
    } finally {
      await server.stop();
    }
  } catch (error) {
    fail(error);
  }
}

/** Where a database URL points, without its password, for messages. */
export function describeDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
