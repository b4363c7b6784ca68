// `npm run db:seed` and `npm run db:seed:scale` as a user runs them on a fresh clone: a child process
// against a database no migration has touched yet. They apply the migrations, then seed.
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "@/lib/services/postgres-admin";
import { runScript } from "@/lib/testing/run-script";

const adminUrl = inject("dbAdminUrl");
const created: string[] = [];

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
});

async function emptyDatabase(): Promise<string> {
  const name = uniqueDatabaseName("blogatlas_seed");
  created.push(name);
  return createDatabase(adminUrl, name);
}

const run = (script: string, args: string[], databaseUrl: string) => runScript(script, args, { DATABASE_URL: databaseUrl });

async function count(databaseUrl: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

describe("the seed commands on a database no migration has touched", () => {
  it("npm run db:seed applies the migrations, then fills the demo directory", async () => {
    const url = await emptyDatabase();
    const result = await run("scripts/seed.ts", [], url);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^applying migration \S+/m);
    expect(result.stdout).toMatch(/^demo directory: \d+ users, \d+ categories, \d+ blogs, \d+ posts/m);
    const blogs = await count(url, "Blog");
    expect(blogs).toBeGreaterThan(0);
    // Again: nothing left to migrate, and nothing doubled.
    const again = await run("scripts/seed.ts", [], url);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/^applying migration /m);
    expect(await count(url, "Blog")).toBe(blogs);
  }, 120_000);

  it("npm run db:seed:scale does the same, with its progress, and adds what it was asked for", async () => {
    const url = await emptyDatabase();
    const result = await run("scripts/seed-scale.ts", ["--blogs", "40", "--posts", "300"], url);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^applying migration \S+/m);
    // The figures printed are the directory's, the demo's blogs and posts included.
    const [, blogs, posts] = result.stdout.match(/^scale directory: ([\d,]+) blogs, ([\d,]+) posts in \d+ s$/m) ?? [];
    expect(Number(blogs?.replaceAll(",", ""))).toBe(await count(url, "Blog"));
    expect(Number(posts?.replaceAll(",", ""))).toBe(await count(url, "Post"));
    expect(await count(url, "Blog")).toBeGreaterThanOrEqual(40);
    expect(result.stderr).toMatch(/\[#{30}\] 300\/300/);
  }, 120_000);
});
