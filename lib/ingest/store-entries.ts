// Writes one feed's entries in a single statement: new entries are inserted, changed ones updated in
// place (their published time kept, so an edit never re-sorts a post), unchanged ones not touched.
import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { refreshRankScores } from "@/lib/listings/ranking";
import { newId } from "./new-id";

export type EntryRow = {
  identityKey: string;
  url: string;
  title: string;
  authors: string[];
  publishedAt: Date;
  feedUpdatedAt?: Date;
  contentHtml: string;
  excerpt: string;
  imageUrl?: string;
  readingMinutes: number;
};

export const fingerprint = (row: EntryRow) =>
  createHash("sha256").update(JSON.stringify([row.title, row.url, row.authors, row.contentHtml, row.imageUrl ?? ""])).digest("hex");

export type StoreResult = { inserted: number; updated: number; unchanged: number };

const UPSERT = `
INSERT INTO "Post" (id, "blogId", "identityKey", url, title, authors, "publishedAt", "feedUpdatedAt",
                    "contentHtml", excerpt, "imageUrl", "contentHash", "readingMinutes", "createdAt", "updatedAt")
SELECT u.id, $1, u.key, u.url, u.title, ARRAY(SELECT json_array_elements_text(u.authors::json)), u.published,
       u.updated, u.html, u.excerpt, u.image, u.hash, u.minutes, now(), now()
  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[],
              $9::text[], $10::text[], $11::text[], $12::text[], $13::int[])
       AS u(id, key, url, title, authors, published, updated, html, excerpt, image, hash, minutes)
ON CONFLICT ("blogId", "identityKey") DO UPDATE
   SET url = EXCLUDED.url, title = EXCLUDED.title, authors = EXCLUDED.authors,
       "feedUpdatedAt" = EXCLUDED."feedUpdatedAt", "contentHtml" = EXCLUDED."contentHtml",
       excerpt = EXCLUDED.excerpt, "imageUrl" = EXCLUDED."imageUrl", "contentHash" = EXCLUDED."contentHash",
       "readingMinutes" = EXCLUDED."readingMinutes", "updatedAt" = now()
 WHERE "Post"."contentHash" IS DISTINCT FROM EXCLUDED."contentHash"
RETURNING (xmax = 0) AS inserted`;

export async function storeEntries(db: PrismaClient, blogId: string, rows: EntryRow[]): Promise<StoreResult> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const result = await db.$queryRawUnsafe<Array<{ inserted: boolean }>>(
    UPSERT,
    blogId,
    rows.map(() => newId()),
    rows.map((row) => row.identityKey),
    rows.map((row) => row.url),
    rows.map((row) => row.title),
    rows.map((row) => JSON.stringify(row.authors)),
    rows.map((row) => row.publishedAt.toISOString()),
    rows.map((row) => row.feedUpdatedAt?.toISOString() ?? null),
    rows.map((row) => row.contentHtml),
    rows.map((row) => row.excerpt),
    rows.map((row) => row.imageUrl ?? null),
    rows.map((row) => fingerprint(row)),
    rows.map((row) => row.readingMinutes),
  );
  const inserted = result.filter((row) => row.inserted).length;
  return { inserted, updated: result.length - inserted, unchanged: rows.length - result.length };
}

/** Post count, newest post, posting rate (posts a week over the last four weeks) and rank of one blog. */
export async function refreshListingCounters(db: PrismaClient, blogId: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<Array<{ rate: number }>>(
    `UPDATE "Blog" b SET "postCount" = s.n, "lastPostAt" = s.latest, "postsPerWeek" = s.rate
       FROM (SELECT count(*)::int AS n, max("publishedAt") AS latest,
                    (count(*) FILTER (WHERE "publishedAt" > now() - interval '28 days'))::float / 4 AS rate
               FROM "Post" WHERE "blogId" = $1) s
      WHERE b.id = $1
  RETURNING s.rate`,
    blogId,
  );
  await refreshRankScores(db, [blogId]);
  return rows[0]?.rate ?? 0;
}
