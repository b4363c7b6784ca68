// Creating and dropping whole databases on a PostgreSQL server (the embedded one or any other),
// for the dev runner, the test harness and the benchmarks.
import "server-only";
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The URL of another database on the same server (credentials and host kept). */
export function databaseUrl(anyUrl: string, name: string): string {
  const url = new URL(anyUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export const uniqueDatabaseName = (prefix: string) => `${prefix}_${randomBytes(6).toString("hex")}`;

async function onServer<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database (or a copy of `template`) and returns its URL. */
export function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  return onServer(adminUrl, async (client) => {
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : "";
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
    return databaseUrl(adminUrl, name);
  });
}

/** Creates `name` unless it exists; true when it was created. */
export function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  return onServer(adminUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  });
}

/** Drops `name` (closing its connections) if it exists. */
export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return onServer(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}
