// Helpers for the integration tests' databases: a migrated template per run, cloned per test file.
import { randomBytes } from "node:crypto";
import pg from "pg";

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
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

export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return onServer(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}
