// A directory at scale for benchmarks: N blogs and M posts bulk-loaded with COPY (not row by row),
// on top of the demo directory's categories and people. Deterministic per index, so a second run
// with the same numbers adds nothing (rows are keyed by slug and identity key).
import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ingest/new-id";
import { sanitizeHtml } from "@/lib/ingest/sanitize";
import { refreshRankScores } from "@/lib/listings/ranking";
import { seededRandom } from "@/lib/seeded-random";
import { entryHtml } from "@/scripts/bench/ingest-corpus";

export type ScaleOptions = { blogs: number; posts: number; onProgress?: (phase: string, done: number, total: number) => void };

const csv = (value: string | number | null) => (value === null ? "" : typeof value === "number" ? String(value) : `"${value.replace(/"/g, '""')}"`);
const row = (values: Array<string | number | null>) => `${values.map(csv).join(",")}\n`;

const NAMES = ["Notes", "Journal", "Field Guide", "Workshop", "Letters", "Log", "Kitchen", "Atlas", "Corner", "Diaries", "Lab", "Garden"];
const WORDS = ["Quiet", "Northern", "Little", "Weekend", "Honest", "Slow", "Bright", "Urban", "Patient", "Curious", "Open", "Wild"];

async function copy(client: pg.PoolClient, sql: string, rows: Iterable<string>) {
  await pipeline(Readable.from(rows, { objectMode: false }), client.query(copyFrom(sql)));
}

export async function seedScale(db: PrismaClient, connectionString: string, options: ScaleOptions): Promise<{ blogs: number; posts: number }> {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const client = await pool.connect();
  try {
    const categories = (await client.query<{ id: string }>(`SELECT id FROM "Category" ORDER BY position, slug`)).rows.map((r) => r.id);
    if (categories.length === 0) throw new Error("no categories: run npm run db:seed first (the scale seed builds on the demo directory)");
    const existing = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Blog" WHERE slug LIKE 'scale-%'`)).rows[0]!.n;
    if (existing >= options.blogs) {
      options.onProgress?.("blogs", options.blogs, options.blogs);
    }
    const now = Date.now();
    const blogIds: string[] = [];
    function* blogRows() {
      for (let i = existing; i < options.blogs; i++) {
        const r = seededRandom(`scale-blog-${i}`);
        const id = newId();
        blogIds.push(id);
        const status = r() < 0.96 ? "ACTIVE" : r() < 0.5 ? "PENDING" : "DORMANT";
        const name = `${WORDS[Math.floor(r() * WORDS.length)]} ${NAMES[Math.floor(r() * NAMES.length)]} ${i}`;
        const created = new Date(now - Math.floor(r() * 900) * 86_400_000).toISOString();
        yield row([id, `scale-${i}`, name, `A blog about ${NAMES[i % NAMES.length]!.toLowerCase()} and more, number ${i}.`, `https://scale-${i}.example/`, `https://scale-${i}.example/feed.xml`, status, r() < 0.01 ? "BUSINESS" : "FREE", "en", new Date(now + 365 * 86_400_000).toISOString(), created, created, Math.round(r() * 700) / 100]);
        if ((i + 1) % 1000 === 0) options.onProgress?.("blogs", i + 1, options.blogs);
      }
    }
    await copy(client, `COPY "Blog" (id, slug, name, description, "siteUrl", "feedUrl", status, tier, language, "nextCheckAt", "createdAt", "updatedAt", "postsPerWeek") FROM STDIN (FORMAT csv)`, blogRows());
    options.onProgress?.("blogs", options.blogs, options.blogs);
    await copy(
      client,
      `COPY "BlogCategory" ("blogId", "categoryId") FROM STDIN (FORMAT csv)`,
      (function* () {
        for (const [index, id] of blogIds.entries()) yield row([id, categories[(existing + index) % categories.length]!]);
      })(),
    );

    // Posts go to the scale blogs, more to some than others (a few prolific, many occasional).
    const all = (await client.query<{ id: string; slug: string }>(`SELECT id, slug FROM "Blog" WHERE slug LIKE 'scale-%' ORDER BY slug`)).rows;
    const existingPosts = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Post" p JOIN "Blog" b ON b.id = p."blogId" WHERE b.slug LIKE 'scale-%'`)).rows[0]!.n;
    // The full-text GIN index is built once after loading: far faster than maintaining it row by row.
    await client.query(`DROP INDEX IF EXISTS "Post_searchVector_idx"`);
    try {
      await copy(
        client,
        `COPY "Post" (id, "blogId", "identityKey", url, title, authors, "publishedAt", "contentHtml", excerpt, "contentHash", "readingMinutes", "createdAt", "updatedAt") FROM STDIN (FORMAT csv)`,
        (function* () {
          for (let p = existingPosts; p < options.posts; p++) {
            const r = seededRandom(`scale-post-${p}`);
            const blog = all[Math.floor(Math.pow(r(), 2) * all.length)]!;
            const site = `https://${blog.slug}.example`;
            // Stored as ingestion stores every post: sanitized (the generator writes feed HTML, with
            // tracking pixels and utm-tagged links, which no mirrored post keeps).
            const html = sanitizeHtml(entryHtml(r, site, 600 + Math.floor(r() * 1400)), `${site}/`).html;
            const text = html.slice(0, 800).replace(/<[^>]*(>|$)/g, " ").replace(/\s+/g, " ").trim();
            const title = text.split(" ").slice(0, 6 + Math.floor(r() * 5)).join(" ").replace(/[.,]$/, "");
            const published = new Date(now - Math.floor(r() * 3 * 365 * 86_400_000)).toISOString();
            yield row([newId(), blog.id, `${site}/p/${p}`, `${site}/p/${p}`, title, `{"Author ${blog.slug}"}`, published, html, text.slice(0, 280), createHash("sha256").update(html).digest("hex"), Math.max(1, Math.round(html.length / 1400)), published, published]);
            if ((p + 1) % 10_000 === 0) options.onProgress?.("posts", p + 1, options.posts);
          }
        })(),
      );
    } finally {
      options.onProgress?.("search index", 0, 1);
      await client.query(`SET maintenance_work_mem = '256MB'`);
      await client.query(`CREATE INDEX IF NOT EXISTS "Post_searchVector_idx" ON "Post" USING GIN ("searchVector")`);
      options.onProgress?.("search index", 1, 1);
    }
    options.onProgress?.("posts", options.posts, options.posts);
    await client.query(`UPDATE "Blog" b SET "postCount" = s.n, "lastPostAt" = s.latest
                          FROM (SELECT "blogId", count(*)::int AS n, max("publishedAt") AS latest FROM "Post" GROUP BY "blogId") s
                         WHERE s."blogId" = b.id AND b.slug LIKE 'scale-%'`);
    options.onProgress?.("ranking", 0, 1);
    await refreshRankScores(db);
    options.onProgress?.("ranking", 1, 1);
    // VACUUM as well: rows just loaded carry no visibility map or hint bits, so the first reads of
    // every page would write them (autovacuum gets there in time on a live database).
    await client.query(`VACUUM (ANALYZE)`);
    const counts = (await client.query<{ blogs: number; posts: number }>(`SELECT (SELECT count(*)::int FROM "Blog") AS blogs, (SELECT count(*)::int FROM "Post") AS posts`)).rows[0]!;
    return counts;
  } finally {
    client.release();
    await pool.end();
  }
}
