// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded database).
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/migrations/apply-migrations";
import { withDatabase } from "./support/with-database";

await withDatabase(async (databaseUrl) => {
  const report = await applyMigrations(databaseUrl, MIGRATIONS_DIR, (line) => console.log(line));
  console.log(
    report.applied.length
      ? `applied ${report.applied.length} migration(s); ${report.alreadyApplied} were already applied`
      : `database is up to date (${report.alreadyApplied} migrations applied)`,
  );
});
