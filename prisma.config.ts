// Configuration for the Prisma CLI (generate, validate, format).
// Prisma 7's CLI downloads a native schema engine at start-up unless PRISMA_SCHEMA_ENGINE_BINARY
// names an existing file. generate/validate/format never call that engine, and these machines reach
// no download host, so we point it at an existing file when nobody chose one. Migrations are applied
// by our own runner (scripts/migrate.ts), which records them exactly as Prisma does.
import { defineConfig } from "prisma/config";

if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
