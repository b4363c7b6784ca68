// Applies the SQL migrations under prisma/migrations and records each in `_prisma_migrations`
// exactly as `prisma migrate deploy` does (same table, checksum = sha256 hex of the file, same
// advisory lock), so `prisma migrate status` agrees wherever Prisma's native engine exists.
// Unlike Prisma, each migration runs in one transaction: one that fails, or is interrupted, leaves
// the database as it was, and the next run simply applies it again.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** The lock id Prisma's migrate takes, so our runner and Prisma's never run at once. */
const PRISMA_ADVISORY_LOCK = 72707369;

export type MigrationFile = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration?: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** Prisma accepts a file whose only change is its line endings (a checkout on Windows). */
function sameScript(recorded: string, sql: string): boolean {
  return (
    recorded === checksumOf(sql) ||
    recorded === checksumOf(sql.replace(/\r\n/g, "\n")) ||
    recorded === checksumOf(sql.replace(/\r?\n/g, "\r\n"))
  );
}

export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new MigrationError(`no migrations folder at ${dir}`);
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!existsSync(file)) throw new MigrationError(`migration ${name} has no migration.sql`, name);
      const sql = readFileSync(file, "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
};

export type MigrationReport = { applied: string[]; alreadyApplied: number };

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

function describePgError(error: unknown, sql: string): string {
  const e = error as { message?: string; position?: string };
  let where = "";
  if (e.position) {
    const line = sql.slice(0, Number(e.position)).split("\n").length;
    where = ` (line ${line})`;
  }
  return `${e.message ?? String(error)}${where}`;
}

export async function applyMigrations(
  connectionString: string,
  migrationsDir: string,
  log: (line: string) => void = () => {},
): Promise<MigrationReport> {
  const files = readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString });
  // A connection lost mid-migration surfaces as the failed query below; without a listener the
  // client's own 'error' event would crash the process instead.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, logs
         FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const applied = new Map<string, AppliedRow>();
    for (const row of rows) {
      if (!row.finished_at) {
        throw new MigrationError(
          `migration ${row.migration_name} was started but never finished (recorded by another tool). ` +
            `Check what it did, then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() ` +
            `WHERE migration_name = '${row.migration_name}') to run it again, or finish it by hand.` +
            (row.logs ? ` Its log: ${row.logs}` : ""),
          row.migration_name,
        );
      }
      applied.set(row.migration_name, row);
    }
    const byName = new Map(files.map((file) => [file.name, file]));
    for (const row of applied.values()) {
      const file = byName.get(row.migration_name);
      if (!file) {
        log(`warning: migration ${row.migration_name} is recorded in the database but has no folder here`);
      } else if (!sameScript(row.checksum, file.sql)) {
        throw new MigrationError(
          `migration ${row.migration_name} was edited after it was applied (the database recorded checksum ` +
            `${row.checksum.slice(0, 12)}…, the file now has ${file.checksum.slice(0, 12)}…). ` +
            `Restore the file as it was and put the change in a new migration.`,
          row.migration_name,
        );
      }
    }

    const report: MigrationReport = { applied: [], alreadyApplied: applied.size };
    for (const file of files) {
      if (applied.has(file.name)) continue;
      log(`applying migration ${file.name}`);
      try {
        await client.query("BEGIN");
        const id = randomUUID();
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 0)`,
          [id, file.checksum, file.name],
        );
        await client.query(file.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new MigrationError(
          `migration ${file.name} failed and was rolled back, so the database is as it was before it: ` +
            describePgError(error, file.sql),
          file.name,
        );
      }
      report.applied.push(file.name);
    }
    return report;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end().catch(() => {});
  }
}

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
