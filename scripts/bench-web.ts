// npm run bench:web [-- --duration 10 --connections 32 --warm-up 500 --skip-build --skip-lighthouse --pages post,blog --blogs 100000 --posts 1000000]
//
// The public pages under load, on a production build over the scale seed. Each page type (home,
// category, blog, post) is driven by autocannon twice: warm (the same 50 URLs over and over) and
// spread (2,000 distinct URLs drawn at random, so caches miss as they would in life). In the same
// run a static page of the same build (/offline.html, served as a file through the same proxy)
// gives the framework's floor, and each warm figure is printed as a ratio to it. Search is driven with 2,000
// random queries. Lighthouse (with Debian's Chromium) scores a post page: the median of five runs.
// The last line is JSON.
//
// Before its runs each page type is rendered --warm-up times at addresses no run asks for (its warm
// set's pages, or fifty of search's queries, under a query string of their own), so that the
// figures are those of a web process that has been serving for a while, not of one whose render
// code V8 has not optimized yet: a process fresh from its start answered its first 32 misses in
// 1.0-1.3 s, the same after 1,000 renders in 0.3-0.5 s (docs/decisions/007, session 12). No
// measured page is in the page cache before its run.
//
// The database: BENCH_DATABASE_URL if set (it must hold the scale seed, or it is seeded), else an
// embedded PostgreSQL kept under .data/bench-pg, seeded once (about 6 minutes) and reused.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, openSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { createPrismaClient } from "@/lib/db";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/migrations/apply-migrations";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "@/lib/services/embedded-postgres";
import { ensureDatabase } from "@/lib/services/postgres-admin";
import { seededRandom } from "@/lib/seeded-random";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { seedScale } from "@/prisma/seed/seed-scale";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    /** Renders of each page type before its runs, at addresses no run asks for (0: none). */
    "warm-up": { type: "string", default: "500" },
    "skip-build": { type: "boolean", default: false },
    "skip-lighthouse": { type: "boolean", default: false },
    /** Page types to drive (home, category, blog, post, search), for a quicker look at some; all by default. */
    pages: { type: "string", default: "home,category,blog,post,search" },
    blogs: { type: "string", default: "100000" },
    posts: { type: "string", default: "1000000" },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const WARM_UP = Number(values["warm-up"]);
if (!Number.isInteger(WARM_UP) || WARM_UP < 0) throw new Error("--warm-up: a whole number of renders (0 for none)");
const BLOGS = Number(values.blogs);
const POSTS = Number(values.posts);
const PAGE_TYPES = ["home", "category", "blog", "post", "search"] as const;
const PAGES = new Set(values.pages.split(",").map((page) => page.trim()));
for (const page of PAGES) if (!(PAGE_TYPES as readonly string[]).includes(page)) throw new Error(`--pages: no page type "${page}" (there are ${PAGE_TYPES.join(", ")})`);
const PROJECT_DIR = process.cwd();
const CHROMIUM = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => existsSync(file));

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * A database server sized the way PostgreSQL's documentation advises for a dedicated machine: a
 * quarter of the memory for shared buffers (capped at 4 GB, the scale seed's size). With the
 * embedded default of 128 MB every search read most of its rows from the operating system's cache
 * (a system call a page): the slowest searches took 36 ms instead of 15.
 */
const SHARED_BUFFERS_MB = Math.min(4096, Math.floor(os.totalmem() / 4 / 1024 / 1024));

/**
 * Huge pages for the database's shared memory, as PostgreSQL's documentation advises for large
 * shared buffers ("Linux Huge Pages"): on this kind of machine a process's first touch of a page of
 * shared memory is a minor fault costing ~33 µs (about a microsecond on bare metal), and every
 * database connection pays it anew for each page of buffers it reads. A search that reads 2,000 rows
 * took 115 ms on a fresh connection and 8 ms on the second try, so every pool connection the web
 * process opened made its first few hundred searches many times slower. With 2 MB pages the same
 * first search took 18 ms (docs/decisions/007, session 13). Reserving them (vm.nr_hugepages) needs
 * root; without it the run goes on with normal pages and says so. The reservation is given back
 * when the run ends. PostgreSQL's default (huge_pages = try) uses them when they are there.
 */
function reserveHugePages(megabytes: number): () => void {
  const keep = () => {};
  if (process.platform !== "linux") return keep;
  const meminfo = readFileSync("/proc/meminfo", "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(meminfo)?.[1] ?? 0);
  const pageMb = field("Hugepagesize") / 1024;
  if (!pageMb) return keep;
  // Shared buffers plus PostgreSQL's other shared memory (~4% of it at 4 GB, more when small).
  const needed = Math.ceil((megabytes * 1.05 + 64) / pageMb);
  const total = field("HugePages_Total");
  const free = field("HugePages_Free") - field("HugePages_Rsvd");
  if (free >= needed) return keep;
  try {
    writeFileSync("/proc/sys/vm/nr_hugepages", String(total + needed - free));
  } catch (error) {
    log(`huge pages: not reserved (${(error as NodeJS.ErrnoException).code ?? String(error)}; it needs root), so each database connection pays a page fault for every page of buffers it first reads`);
    return keep;
  }
  return () => {
    try {
      writeFileSync("/proc/sys/vm/nr_hugepages", String(total));
    } catch {
      // Given back at the next reboot.
    }
  };
}

async function benchDatabase(): Promise<{ url: string; server?: EmbeddedServer; release?: () => void }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL };
  const release = reserveHugePages(SHARED_BUFFERS_MB);
  let server: EmbeddedServer | undefined;
  try {
    server = await startEmbeddedPostgres({
      dataDir: path.join(PROJECT_DIR, ".data", "bench-pg"),
      port: await freePort(),
      persistent: true,
      settings: { shared_buffers: `${SHARED_BUFFERS_MB}MB` },
      log: (line) => {
        if (/FATAL|PANIC|terminated|shut down/.test(line)) log(`[postgres] ${line}`);
      },
    });
    await ensureDatabase(server.adminUrl, "blogatlas_bench");
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    const { rows } = await client.query<{ huge_pages_status: string }>("SHOW huge_pages_status").finally(() => client.end());
    log(`database: ${SHARED_BUFFERS_MB} MB of shared buffers, huge pages ${rows[0]!.huge_pages_status}`);
    return { url: server.urlFor("blogatlas_bench"), server, release };
  } catch (error) {
    await server?.stop();
    release();
    throw error;
  }
}

async function ensureScaleSeed(url: string) {
  await applyMigrations(url, MIGRATIONS_DIR, () => {});
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ blogs: number; posts: number }>(`SELECT (SELECT count(*) FROM "Blog")::int AS blogs, (SELECT count(*) FROM "Post")::int AS posts`);
  await client.end();
  if (rows[0]!.blogs >= BLOGS && rows[0]!.posts >= POSTS) {
    log(`scale seed present: ${rows[0]!.blogs.toLocaleString("en")} blogs, ${rows[0]!.posts.toLocaleString("en")} posts`);
    return;
  }
  log(`seeding ${BLOGS.toLocaleString("en")} blogs and ${POSTS.toLocaleString("en")} posts (once; kept for later runs)…`);
  const db = createPrismaClient(url);
  try {
    await seedDemo(db);
    let last = "";
    await seedScale(db, url, {
      blogs: BLOGS,
      posts: POSTS,
      onProgress: (phase, done, total) => {
        const line = `  ${phase} ${Math.floor((done / total) * 10) * 10}%`;
        if (line !== last) log((last = line));
      },
    });
  } finally {
    await db.$disconnect();
  }
}

/**
 * Reads the directory's tables and indexes into PostgreSQL's shared buffers (pg_prewarm, buffer
 * mode; what does not fit stays in the operating system's cache): a production database server
 * holds its working set in memory, while a database just seeded onto this machine's disk would make
 * every first read a disk seek. With BENCH_DATABASE_URL the server's own settings decide.
 */
async function prewarm(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
    const { rows } = await client.query<{ name: string }>(
      // The public tables and indexes, and their TOAST tables with their indexes: a long post's
      // content (1.1 GB of the scale seed's posts are stored out of line) is found through its
      // TOAST index, 20 MB that was left on disk before.
      `WITH toast AS (SELECT reltoastrelid AS oid FROM pg_class WHERE relnamespace = 'public'::regnamespace AND reltoastrelid <> 0)
       SELECT c.oid::regclass::text AS name FROM pg_class c
        WHERE c.relkind IN ('r', 'i', 't')
          AND (c.relnamespace = 'public'::regnamespace
               OR c.oid IN (SELECT oid FROM toast)
               OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM toast)))`,
    );
    const started = Date.now();
    let blocks = 0;
    for (const { name } of rows) blocks += Number((await client.query<{ n: string }>("SELECT pg_prewarm($1::regclass, 'buffer') AS n", [name])).rows[0]!.n);
    log(`database read into memory: ${((blocks * 8) / 1024).toFixed(0)} MB in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await client.end();
  }
}

type UrlSets = Record<"home" | "category" | "blog" | "post", { warm: string[]; spread: string[] }> & { search: string[] };

async function pickUrls(url: string): Promise<UrlSets> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const random = seededRandom("bench-web");
    const many = (count: number, make: (index: number) => string) => Array.from({ length: count }, (_, index) => make(index));
    // REPEATABLE: the same sample of the table every run, as the shuffle below is seeded, so runs
    // on one database drive the same pages and searches (a fresh sample each run moved search's
    // p99 between 246 and 398 ms from one run to the next, with the same code).
    const categoryPages = (
      await client.query<{ url: string }>(
        `SELECT '/categories/' || c.slug || '?after=' || bc."rankScore" || '_' || bc."blogId" AS url
           FROM "BlogCategory" bc TABLESAMPLE SYSTEM (5) REPEATABLE (7) JOIN "Category" c ON c.id = bc."categoryId"
          WHERE bc."rankScore" IS NOT NULL LIMIT 2050`,
      )
    ).rows.map((row) => row.url);
    const blogs = (
      await client.query<{ slug: string }>(`SELECT slug FROM "Blog" TABLESAMPLE SYSTEM (5) REPEATABLE (7) WHERE status IN ('ACTIVE', 'DORMANT') LIMIT 2050`)
    ).rows.map((row) => `/blogs/${row.slug}`);
    const posts = (
      await client.query<{ id: string }>(
        `SELECT p.id FROM "Post" p TABLESAMPLE SYSTEM (1) REPEATABLE (7) JOIN "Blog" b ON b.id = p."blogId"
          WHERE p."hiddenAt" IS NULL AND b.status IN ('ACTIVE', 'DORMANT') AND b."mirrorMode" <> 'NONE' LIMIT 2050`,
      )
    ).rows.map((row) => `/posts/${row.id}`);
    const words = (
      await client.query<{ word: string }>(
        `SELECT word FROM ts_stat($$SELECT "searchVector" FROM "Post" TABLESAMPLE SYSTEM (0.1) REPEATABLE (7)$$) WHERE length(word) > 3 ORDER BY nentry DESC LIMIT 400`,
      )
    ).rows.map((row) => row.word);
    const shuffle = (list: string[]) => list.map((item) => [random(), item] as const).sort((a, b) => a[0] - b[0]).map(([, item]) => item);
    const split = (list: string[]) => {
      const mixed = shuffle(list);
      return { warm: mixed.slice(0, 50), spread: mixed.slice(50, 2050) };
    };
    const pick = () => words[Math.floor(random() * words.length)]!;
    return {
      // The home page is one address: spread mode gives it distinct query strings, which no cache shares.
      home: { warm: ["/"], spread: many(2000, (index) => `/?visit=${index}`) },
      category: split(categoryPages),
      blog: split(blogs),
      post: split(posts),
      search: many(2000, (index) => `/search?q=${encodeURIComponent(index % 3 === 0 ? `${pick()} ${pick()}` : pick())}`),
    };
  } finally {
    await client.end();
  }
}

type Run = { rps: number; p50: number; p99: number; non2xx: number; errors: number };

async function drive(base: string, paths: string[]): Promise<Run> {
  const random = seededRandom(`drive-${paths[0]}`);
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[Math.floor(random() * paths.length)]! }) }],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

/**
 * Renders of a page type at addresses no run asks for: these pages (the type's warm set, or fifty
 * of search's queries), each under a query string of its own, which the pages ignore and the page
 * cache keys apart.
 */
async function warmUp(base: string, paths: string[], label: string): Promise<void> {
  if (WARM_UP === 0) return;
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    amount: WARM_UP,
    requests: [
      {
        setupRequest: (request) => {
          const page = paths[next % paths.length]!;
          return { ...request, path: `${page}${page.includes("?") ? "&" : "?"}warm-up=${next++}` };
        },
      },
    ],
  });
  if (result.non2xx || result.errors) throw new Error(`warm-up of ${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
}

async function startServer(databaseUrl: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(path.join(PROJECT_DIR, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/serve.ts", "start", "--no-worker", "--port", String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), APP_URL: `http://localhost:${port}` },
    stdio: ["ignore", openSync(path.join(PROJECT_DIR, ".data", "bench-web-server.log"), "w"), "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then((response) => response.ok, () => false);
    if (ok) return { base, child };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not start within 3 minutes");
}

/**
 * Lighthouse runs on the post page; its figures are their median. Five, as Lighthouse's guidance on
 * variability advises (its docs/variability.md: the median of five runs halves the spread of one
 * run). Single runs of the same page and build scored from 87 to 100 here.
 */
const LIGHTHOUSE_RUNS = 5;

/**
 * The four scores (each the median of LIGHTHOUSE_RUNS runs, as Lighthouse's own guidance on
 * variability advises), and the audits that cost points in the run whose performance score is the
 * median (by category), so that a score under 100 says why. One run's performance score moved
 * between 87 and 99 on the same page and build: its total blocking time comes from Chromium's own
 * tasks (creating the page's script context, layout), which this machine's load stretches.
 */
async function runLighthouse(url: string): Promise<{ scores: Record<string, number>; performanceRuns: number[]; lost: string[] }> {
  if (!CHROMIUM) throw new Error("Chromium not found (set CHROMIUM_PATH)");
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const runs: Array<{ scores: Record<string, number>; lost: string[] }> = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
      const categories = result?.lhr.categories ?? {};
      const audits = result?.lhr.audits ?? {};
      const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
      const lost = Object.entries(categories).flatMap(([key, category]) =>
        category.auditRefs
          .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${key}: ${ref.id}${audits[ref.id]?.displayValue ? ` (${audits[ref.id]!.displayValue})` : ""}`),
      );
      runs.push({ scores: { performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices"), seo: score("seo") }, lost });
    } finally {
      chrome.kill();
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const scores = Object.fromEntries(Object.keys(runs[0]!.scores).map((key) => [key, median(runs.map((run) => run.scores[key]!))]));
  const performanceRuns = runs.map((run) => run.scores.performance!);
  const medianRun = runs.find((run) => run.scores.performance === scores.performance)!;
  return { scores, performanceRuns, lost: medianRun.lost };
}

async function main() {
  const { url: databaseUrl, server: database, release } = await benchDatabase();
  let child: ChildProcess | undefined;
  try {
    await ensureScaleSeed(databaseUrl);
    if (!values["skip-build"]) {
      log("building (next build)…");
      const build = spawnSync(path.join(PROJECT_DIR, "node_modules", ".bin", "next"), ["build"], { stdio: ["ignore", "ignore", "inherit"] });
      if (build.status !== 0) throw new Error("next build failed");
    }
    await prewarm(databaseUrl);
    const urls = await pickUrls(databaseUrl);
    const started = await startServer(databaseUrl);
    child = started.child;
    const { base } = started;
    log(`bench:web: ${base}, ${CONNECTIONS} connections, ${DURATION} s a run, Node ${process.version}`);
    // One pass over every URL set first, so no figure includes the first compile of a route.
    for (const list of [urls.home.warm, urls.category.warm, urls.blog.warm, urls.post.warm, urls.search.slice(0, 5), ["/offline.html"]]) {
      for (const item of list.slice(0, 5)) await fetch(base + item);
    }
    if (WARM_UP) log(`warm-up: ${WARM_UP} renders of each page type before its runs, at addresses no run asks for`);
    const figures: Record<string, unknown> = {};
    const row = (label: string, run: Run, extra = "") =>
      log(`${label.padEnd(16)} ${run.rps.toFixed(0).padStart(6)} req/s  p50 ${String(run.p50).padStart(4)} ms  p99 ${String(run.p99).padStart(5)} ms${run.non2xx || run.errors ? `  (${run.non2xx} non-2xx, ${run.errors} errors)` : ""}${extra}`);
    const floor = await drive(base, ["/offline.html"]);
    row("floor (static)", floor);
    figures.floorRps = Math.round(floor.rps);
    for (const type of ["home", "category", "blog", "post"] as const) {
      if (!PAGES.has(type)) continue;
      await warmUp(base, urls[type].warm, type);
      const warm = await drive(base, urls[type].warm);
      row(`${type} warm`, warm, `  ${(warm.rps / floor.rps).toFixed(2)}× the floor`);
      const spread = await drive(base, urls[type].spread);
      row(`${type} spread`, spread);
      figures[`${type}WarmRps`] = Math.round(warm.rps);
      figures[`${type}WarmRatio`] = Number((warm.rps / floor.rps).toFixed(2));
      figures[`${type}SpreadRps`] = Math.round(spread.rps);
      figures[`${type}SpreadP99Ms`] = spread.p99;
    }
    if (PAGES.has("search")) {
      await warmUp(base, urls.search.slice(0, 50), "search");
      const search = await drive(base, urls.search);
      row("search", search);
      figures.searchRps = Math.round(search.rps);
      figures.searchP99Ms = search.p99;
    }
    if (!values["skip-lighthouse"]) {
      const { scores, performanceRuns, lost } = await runLighthouse(`${base.replace("127.0.0.1", "localhost")}${urls.post.warm[0]}`);
      log(`lighthouse (post page ${urls.post.warm[0]}, median of ${LIGHTHOUSE_RUNS} runs; performance ${performanceRuns.join(", ")}): ${Object.entries(scores).map(([key, value]) => `${key} ${value}`).join(", ")}`);
      for (const audit of lost) log(`  points lost to ${audit}`);
      figures.lighthouse = scores;
    }
    console.log(JSON.stringify(figures));
  } finally {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child!.once("exit", resolve));
    }
    await database?.stop();
    release?.();
  }
}

await main().catch((error: unknown) => {
  console.error(`bench:web failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
