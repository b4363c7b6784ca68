import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "@/lib/services/postgres-admin";
import { applyMigrations, checksumOf, MIGRATIONS_DIR, readMigrations } from "./apply-migrations";

// These tests need databases with nothing in them, not the migrated clone every file gets.
const adminUrl = inject("dbAdminUrl");
const created: string[] = [];
const scratch: string[] = [];

async function blankDatabase(): Promise<string> {
  const name = uniqueDatabaseName("blogatlas_migrate");
  created.push(name);
  return createDatabase(adminUrl, name);
}

/** A copy of the real migrations folder that a test may add to or edit. */
function migrationsCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "blogatlas-migrations-"));
  scratch.push(dir);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string) {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tables = (url: string) =>
  query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`).then((rows) =>
    rows.map((row) => row.table_name),
  );

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
});

describe("applyMigrations", () => {
  let url: string;
  beforeEach(async () => {
    url = await blankDatabase();
  });

  it("applies every migration and records each as Prisma does", async () => {
    const report = await applyMigrations(url, MIGRATIONS_DIR);
    const files = readMigrations(MIGRATIONS_DIR);
    expect(report).toEqual({ applied: files.map((file) => file.name), alreadyApplied: 0 });
    const rows = await query<{ id: string; checksum: string; migration_name: string; finished_at: Date | null; applied_steps_count: number; logs: string | null; rolled_back_at: Date | null }>(
      url,
      `SELECT * FROM "_prisma_migrations" ORDER BY started_at`,
    );
    expect(rows).toHaveLength(files.length);
    for (const [index, row] of rows.entries()) {
      const file = files[index]!;
      expect(row.migration_name).toBe(file.name);
      expect(row.checksum).toBe(checksumOf(readFileSync(path.join(MIGRATIONS_DIR, file.name, "migration.sql"), "utf8")));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
    expect(await tables(url)).toEqual(expect.arrayContaining(["Blog", "Post", "User", "_prisma_migrations"]));
  });

  it("is a no-op the second time", async () => {
    await applyMigrations(url, MIGRATIONS_DIR);
    const before = await query(url, `SELECT * FROM "_prisma_migrations" ORDER BY id`);
    const again = await applyMigrations(url, MIGRATIONS_DIR);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(before.length);
    expect(await query(url, `SELECT * FROM "_prisma_migrations" ORDER BY id`)).toEqual(before);
  });

  it("refuses a migration that was edited after it was applied, naming it", async () => {
    const dir = migrationsCopy();
    await applyMigrations(url, dir);
    const [first] = readMigrations(dir);
    writeFileSync(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- an edit\nCREATE TABLE "Sneaky" (id int);\n`);
    await expect(applyMigrations(url, dir)).rejects.toThrow(new RegExp(`migration ${first!.name} was edited after it was applied`));
    expect(await tables(url)).not.toContain("Sneaky");
  });

  it("accepts a file whose only change is Windows line endings", async () => {
    const dir = migrationsCopy();
    await applyMigrations(url, dir);
    const [first] = readMigrations(dir);
    writeFileSync(path.join(dir, first!.name, "migration.sql"), first!.sql.replace(/\n/g, "\r\n"));
    await expect(applyMigrations(url, dir)).resolves.toMatchObject({ applied: [] });
  });

  it("leaves the database as it was when a migration fails, and names the one that failed", async () => {
    const dir = migrationsCopy();
    await applyMigrations(url, dir);
    const before = await tables(url);
    addMigration(dir, "29990101000000_broken", `CREATE TABLE "HalfDone" (id int);\nALTER TABLE "Blog" ADD COLUMN "x" int;\nSELECT 1 / 0;\n`);
    await expect(applyMigrations(url, dir)).rejects.toThrow(
      /migration 29990101000000_broken failed and was rolled back, so the database is as it was before it: division by zero/,
    );
    expect(await tables(url)).toEqual(before);
    const columns = await query(url, `SELECT 1 FROM information_schema.columns WHERE table_name = 'Blog' AND column_name = 'x'`);
    expect(columns).toHaveLength(0);
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`)).toHaveLength(0);
  });

  it("finishes an interrupted migration on the next run", async () => {
    const dir = migrationsCopy();
    await applyMigrations(url, dir);
    addMigration(dir, "29990101000000_slow", `CREATE TABLE "Slow" (id int);\nSELECT pg_sleep(30);\n`);
    const run = applyMigrations(url, dir).then(
      () => new Error("the migration was not interrupted"),
      (error: unknown) => error,
    );
    // Kill the migrating connection mid-migration, as a crash or a lost connection would.
    let killed = 0;
    for (let attempt = 0; attempt < 100 && killed === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const rows = await query<{ pg_terminate_backend: boolean }>(
        url,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()`,
      );
      killed = rows.length;
    }
    expect(killed).toBe(1);
    expect(String(await run)).toMatch(/migration 29990101000000_slow failed and was rolled back/);
    expect(await tables(url)).not.toContain("Slow");
    writeFileSync(path.join(dir, "29990101000000_slow", "migration.sql"), `CREATE TABLE "Slow" (id int);\n`);
    await expect(applyMigrations(url, dir)).resolves.toMatchObject({ applied: ["29990101000000_slow"] });
    expect(await tables(url)).toContain("Slow");
  });

  it("says clearly what is wrong when another tool left a migration unfinished", async () => {
    await applyMigrations(url, MIGRATIONS_DIR);
    await query(
      url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count, logs)
       VALUES ('00000000-0000-4000-8000-000000000000', 'x', '29990101000000_by_prisma', now(), 0, 'boom')`,
    );
    await expect(applyMigrations(url, MIGRATIONS_DIR)).rejects.toThrow(
      /migration 29990101000000_by_prisma was started but never finished[\s\S]*Its log: boom/,
    );
  });
});
