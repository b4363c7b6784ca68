// The one Prisma client of a process, created on first use (so that importing it costs nothing at
// build time) and cached on globalThis in development, where modules reload on every edit. Beside
// it, a small pool of plain connections for the few statements a public page runs on every render
// (hotRows), where Prisma's own work and PostgreSQL's planning cost more than the query itself.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadDatabaseUrl } from "@/lib/env";

const holder = globalThis as unknown as { blogatlasPrisma?: PrismaClient; blogatlasHotPool?: pg.Pool };

/**
 * How long a pooled connection may sit idle before it is closed. `pg` closes them after 10 s, and a
 * public page's miss after a quiet spell then waits for new ones: on the scale seed a connection
 * took 16-26 ms to open and its first prepared statement 5-8 ms more, against ~1 ms on a warm one,
 * paid five times over in the burst that ends the quiet (docs/decisions/007, session 14). A web
 * process keeps at most 15 (10 + 5) connections open for this long; idle ones do not keep a script
 * from exiting (`allowExitOnIdle`).
 */
const IDLE_CONNECTION_MS = 10 * 60_000;

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10, idleTimeoutMillis: IDLE_CONNECTION_MS, allowExitOnIdle: true }) });
}

function client(): PrismaClient {
  holder.blogatlasPrisma ??= createPrismaClient(loadDatabaseUrl());
  return holder.blogatlasPrisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

function hotPool(): pg.Pool {
  if (!holder.blogatlasHotPool) {
    // allowExitOnIdle: a script or test that is done need not close this pool to exit.
    const pool = new pg.Pool({ connectionString: loadDatabaseUrl(), max: 5, idleTimeoutMillis: IDLE_CONNECTION_MS, allowExitOnIdle: true });
    // An idle connection the database ends (a restart, a dropped link, an administrator) reports its
    // error here, and the pool lets it go; with no listener that error would end the whole process.
    pool.on("error", (error) => console.warn(`database: an idle connection ended (${error.message}); the next query opens another`));
    holder.blogatlasHotPool = pool;
  }
  return holder.blogatlasHotPool;
}

/** PostgreSQL's answer when a prepared statement's tables changed shape under it (a migration ran). */
const STALE_STATEMENT = "0A000";

/**
 * A migration made the pool's prepared statements stale: each connection would fail on them, then
 * retry, on every call for as long as it lives. A new pool prepares them afresh; the old one closes
 * once its queries in flight are done.
 */
function replaceHotPool(stale: pg.Pool): void {
  if (holder.blogatlasHotPool === stale) delete holder.blogatlasHotPool;
  void stale.end().catch(() => {});
}

/**
 * The rows of a statement run on every render of a public page, straight through `pg`. With a
 * `name` it is prepared once per connection and planned once for all parameters: only for
 * statements whose one plan suits every value (a lookup by key). On the scale seed a post lookup
 * took 0.26 ms to plan and 0.04 ms to run, and Prisma's mapping of its row more again; served this
 * way, post pages that miss the page cache went from 157-173 to 171-190 requests/s
 * (docs/decisions/007). Values are always parameters, never spliced into the text.
 */
export async function hotRows<T>(statement: { name?: string; text: string; values: unknown[] }): Promise<T[]> {
  const pool = hotPool();
  try {
    return (await pool.query(statement)).rows as T[];
  } catch (error) {
    if (!statement.name || (error as { code?: string }).code !== STALE_STATEMENT) throw error;
    replaceHotPool(pool);
    return (await hotPool().query(statement)).rows as T[];
  }
}
