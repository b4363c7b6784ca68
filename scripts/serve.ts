// npm run dev / npm start: the whole directory from one command. Starts the embedded PostgreSQL
// unless DATABASE_URL is set, applies migrations, seeds the demo when the database is empty, then
// runs Next.js and prints where to look. Ctrl-C stops everything it started.
//   tsx scripts/serve.ts dev|start [--port 3000] [--ephemeral]
// --ephemeral (used by the end-to-end tests) runs on a throw-away database that is removed at exit.
// The feed worker runs beside the web server unless --no-worker is given.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import pg from "pg";
import { createPrismaClient } from "@/lib/db";
import { describeDisabledFeatures, featuresOf, loadDatabaseUrl, loadRunnerSettings, parseSettings } from "@/lib/env";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/migrations/apply-migrations";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "@/lib/services/embedded-postgres";
import { createDatabase, databaseUrl, dropDatabase, ensureDatabase } from "@/lib/services/postgres-admin";
import { demoUsers } from "@/prisma/seed/demo-catalog";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { describeDatabaseUrl, DEV_DATA_DIR, DEV_DATABASE, devPgPort, fail, PROJECT_DIR } from "./support/with-database";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { port: { type: "string" }, ephemeral: { type: "boolean", default: false }, "no-worker": { type: "boolean", default: false } },
});
const mode = positionals[0];
if (mode !== "dev" && mode !== "start") fail("usage: tsx scripts/serve.ts dev|start [--port N] [--ephemeral]");
const ephemeral = values.ephemeral;
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

nextEnv.loadEnvConfig(PROJECT_DIR, mode === "dev");
let port: number;
try {
  port = loadRunnerSettings({ ...process.env, ...(values.port ? { PORT: values.port } : {}) }).PORT;
} catch (error) {
  fail(error);
}
process.env.APP_URL ??= `http://localhost:${port}`;

let database: EmbeddedServer | undefined;
let maildev: { stop(): Promise<void> } | undefined;
let scratchDir: string | undefined;
let next: ChildProcess | undefined;
let worker: ChildProcess | undefined;
let scratchDatabase: { adminUrl: string; name: string } | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.all(
      [next, worker].map(async (child) => {
        if (!child || child.exitCode !== null) return;
        child.kill("SIGTERM");
        await new Promise((resolve) => {
          child.once("exit", resolve);
          setTimeout(resolve, 10_000).unref();
        });
      }),
    );
    if (scratchDatabase) {
      await dropDatabase(scratchDatabase.adminUrl, scratchDatabase.name).catch((error: unknown) => {
        console.error(`could not drop the test database ${scratchDatabase?.name}: ${String(error)}`);
      });
    }
    await database?.stop().catch(() => {});
    await maildev?.stop().catch(() => {});
    if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
    if (!ephemeral) console.log("BlogAtlas stopped.");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

function devSecret(): string {
  // A development-only secret, kept with the data so sessions survive a restart.
  const file = path.join(PROJECT_DIR, ".data", "dev-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function prepareDatabase(): Promise<string> {
  if (process.env.DATABASE_URL) {
    if (!ephemeral) return loadDatabaseUrl();
    // A fresh database beside the given one, so tests never touch real data.
    const name = `blogatlas_e2e_${process.pid}`;
    const adminUrl = databaseUrl(process.env.DATABASE_URL, "postgres");
    await dropDatabase(adminUrl, name);
    scratchDatabase = { adminUrl, name };
    return createDatabase(adminUrl, name);
  }
  if (ephemeral) {
    scratchDir = mkdtempSync(path.join(os.tmpdir(), "blogatlas-e2e-"));
    chmodSync(scratchDir, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach it
  }
  database = await startEmbeddedPostgres({
    dataDir: scratchDir ? path.join(scratchDir, "pg") : DEV_DATA_DIR,
    port: ephemeral ? await freePort() : devPgPort(),
    persistent: !ephemeral,
    log: (line) => {
      if (!stopping && /FATAL|PANIC|ERROR/.test(line)) console.error(`[postgres] ${line}`);
    },
  });
  await ensureDatabase(database.adminUrl, DEV_DATABASE);
  return database.urlFor(DEV_DATABASE);
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Next.js exited with code ${child.exitCode} before serving`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Next.js did not answer ${url} within 3 minutes`);
}

/** Under `npm run dev` without SMTP_URL: maildev catches every mail (SMTP 1025, inbox http://localhost:1080). */
async function startMaildev(): Promise<string | undefined> {
  if (mode !== "dev" || ephemeral || process.env.SMTP_URL) return undefined;
  const { MailDev } = await import("maildev");
  const server = new MailDev({ smtp: 1025, web: 1080, silent: true });
  try {
    await server.start();
  } catch (error) {
    console.error(`maildev could not start (${(error as Error).message}); e-mail stays off. Free ports 1025 and 1080, or set SMTP_URL.`);
    return undefined;
  }
  maildev = server;
  process.env.SMTP_URL = "smtp://localhost:1025";
  return "http://localhost:1080";
}

try {
  process.env.DATABASE_URL = await prepareDatabase();
  const inbox = await startMaildev();
  if (!process.env.NEXTAUTH_SECRET && (mode === "dev" || ephemeral)) {
    process.env.NEXTAUTH_SECRET = ephemeral ? randomBytes(32).toString("base64url") : devSecret();
  }
  const settings = parseSettings(process.env);
  const migrations = await applyMigrations(settings.DATABASE_URL, MIGRATIONS_DIR, (line) => console.log(line));

  const client = new pg.Client({ connectionString: settings.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Blog"`);
  await client.end();
  if (rows[0]?.n === 0) {
    console.log("empty database: adding the demo directory…");
    const db = createPrismaClient(settings.DATABASE_URL);
    const report = await seedDemo(db);
    await db.$disconnect();
    console.log(`  ${report.blogs} blogs, ${report.posts} posts, ${report.users} users`);
  }

  // Production runs Next behind the page cache's door (scripts/web-server.ts); development runs `next dev`.
  const [command, args] =
    mode === "dev"
      ? [path.join(PROJECT_DIR, "node_modules", ".bin", "next"), ["dev", "--port", String(port)]]
      : [path.join(PROJECT_DIR, "node_modules", ".bin", "tsx"), ["--conditions=react-server", ...webV8Flags(), "scripts/web-server.ts", "--port", String(port)]];
  next = spawn(command, args, {
    stdio: ["ignore", ephemeral ? "inherit" : "pipe", "inherit"],
    env: { ...process.env, PORT: String(port), NODE_ENV: mode === "dev" ? "development" : "production", ...(mode === "dev" ? {} : hugeMallocPages()) },
  });
  next.stdout?.on("data", (chunk: Buffer) => {
    // Next's own banner names a URL before the app is ready; ours follows once it answers.
    const text = chunk.toString();
    if (!/^\s*(▲|- Local:|- Network:|- Environments:|✓ Starting|✓ Ready|web process ready|$)/m.test(text)) process.stdout.write(text);
  });
  next.on("exit", (code) => {
    if (!stopping) {
      console.error(`Next.js stopped (exit code ${code}).`);
      void shutdown(code ?? 1);
    }
  });

  if (!values["no-worker"]) {
    worker = spawn(path.join(PROJECT_DIR, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "--max-old-space-size=256", "--max-semi-space-size=32", "scripts/worker.ts"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: process.env,
    });
    worker.on("exit", (code) => {
      if (!stopping) console.error(`the feed worker stopped (exit code ${code}); the site keeps running without it.`);
    });
  }

  const url = `http://localhost:${port}`;
  await waitUntilServing(`${url}/api/health`, next);
  // The end-to-end tests drive the CLI against the same throw-away database.
  if (ephemeral && process.env.E2E_STATE_FILE) {
    writeFileSync(process.env.E2E_STATE_FILE, JSON.stringify({ databaseUrl: settings.DATABASE_URL, url }));
  }
  if (mode === "dev") await waitUntilServing(url, next); // compile the home page before saying it is ready
  const lines = [
    "",
    `BlogAtlas is ready at ${url}  (${seconds()} after start)`,
    `  database: ${database ? `embedded PostgreSQL 18 on port ${database.port}, data in ${database.dataDir}` : `${describeDatabaseUrl(settings.DATABASE_URL)} (DATABASE_URL)`}`,
    `  migrations: ${migrations.applied.length} applied now, ${migrations.alreadyApplied} already in place`,
    `  feed worker: ${worker ? "running (npm run worker on other machines adds more)" : "not started (--no-worker)"}`,
    ...(inbox ? [`  e-mail: every message lands in the maildev inbox at ${inbox}`] : []),
    `  sign in at ${url}/signin with any address${inbox ? " (the link arrives in that inbox)" : ""}; the demo accounts:`,
    ...demoUsers.map((user) => `    ${user.email.padEnd(22)} ${user.role === "ADMIN" ? "admin" : user.name}`),
    ...describeDisabledFeatures(featuresOf(settings)).map((line) => `  off: ${line}`),
    "Press Ctrl-C to stop.",
    "",
  ];
  console.log(lines.join("\n"));
} catch (error) {
  console.error(error instanceof Error ? `error: ${error.message}` : `error: ${String(error)}`);
  await shutdown(1);
}

/**
 * V8's memory reducer shrinks the heap once a process has gone quiet for a few seconds, and hands
 * the memory back. A web server's quiet ends in a burst, which must then fault that memory in
 * again, page by page: on this kind of machine ~13 µs a 4 KB page (below). After 13 s without
 * requests, the first 3 s of post pages that missed the cache took 26,000-38,000 page faults and
 * answered 73-107 requests/s, p99 666-830 ms; without the reducer 3,800-4,400 faults, 128-164
 * requests/s, p99 372-524 ms (three alternating pairs; docs/decisions/007, session 14). The heap
 * keeps the size its traffic gave it instead: idle after post pages, the web process held 540-580 MB
 * against 390-420 MB.
 */
function webV8Flags(): string[] {
  return ["--no-memory-reducer"];
}

/**
 * glibc's malloc asks for transparent huge pages for its heap (the `glibc.malloc.hugetlb=1`
 * tunable; other C libraries ignore it). Rendering pages allocates and frees much of that heap, and
 * each 4 KB it touches afresh is a page fault: on this kind of machine ~13 µs each, 4,000-5,000 a
 * second under load, and five times fewer with 2 MB pages (misses only, three alternating pairs:
 * 6.7-8.9 → 6.5-8.1 ms of CPU a miss; docs/decisions/007, session 13). A tunable already set is kept.
 */
function hugeMallocPages(): Record<string, string> {
  const tunables = process.env.GLIBC_TUNABLES;
  if (tunables?.includes("glibc.malloc.hugetlb")) return {};
  return { GLIBC_TUNABLES: tunables ? `${tunables}:glibc.malloc.hugetlb=1` : "glibc.malloc.hugetlb=1" };
}
