// The end-to-end run's database (its address is in the state file global-setup writes), for the
// tests that look behind the pages: what was stored, or a change no page can make.
import { readFileSync } from "node:fs";
import pg from "pg";

/** The address of the database the test server uses. */
export const e2eDatabaseUrl = () => (JSON.parse(readFileSync(process.env.E2E_STATE_FILE!, "utf8")) as { databaseUrl: string }).databaseUrl;

/** Runs `work` with a client connected to that database, and closes the client after it. */
export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
