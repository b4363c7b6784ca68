// The plan PostgreSQL makes for a statement once for all its parameter values, as it may for a
// prepared statement (lib/db.ts, hotRows) after a few calls: a test can check that even that plan
// reads the index it must. Sequential scans are switched off, as a test database's tables are too
// small for the planner to prefer an index on its own.
import pg from "pg";

export async function genericPlan(statement: string): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("SET enable_seqscan = off");
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (GENERIC_PLAN) ${statement}`);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  } finally {
    await client.end();
  }
}
