// The published ranking of listings within a category. Payment never enters it: a Business
// Listing is featured separately (and labelled) but ranks here like any other blog.
//
//   score = 0.4 × regularity + 0.3 × freshness + 0.2 × subscribers + 0.1 × click-through
//   regularity    = min(posts a week over the last four weeks, 7) / 7
//   freshness     = e^(−days since the newest post / 30)
//   subscribers   = min(log10(1 + confirmed e-mail subscribers) / 3, 1)   (1,000 subscribers = 1)
//   click-through = min(5 × clicks to the original / views, over 30 days, 1) (20% = 1)
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const RANKING_WEIGHTS = { regularity: 0.4, freshness: 0.3, subscribers: 0.2, clickThrough: 0.1 } as const;

const REFRESH = `
WITH stats AS (
  SELECT b.id,
         LEAST(b."postsPerWeek", 7) / 7.0 AS regularity,
         CASE WHEN b."lastPostAt" IS NULL THEN 0
              ELSE exp(-GREATEST(extract(epoch FROM now() - b."lastPostAt"), 0) / (30 * 86400)) END AS freshness,
         LEAST(log(1 + (SELECT count(*) FROM "EmailSubscription" s WHERE s."blogId" = b.id AND s.status = 'CONFIRMED')) / 3, 1) AS subscribers,
         -- LEAST ignores NULLs, so a listing without views must become 0 before the cap.
         (SELECT LEAST(COALESCE(5 * sum(d.clicks)::float / NULLIF(sum(d.views + d."postViews"), 0), 0), 1)
            FROM "DailyListingStat" d WHERE d."blogId" = b.id AND d.day > current_date - 30) AS click_through
    FROM "Blog" b
   WHERE $1::text[] IS NULL OR b.id = ANY($1::text[])
), scored AS (
  UPDATE "Blog" b
     SET "rankScore" = round((${RANKING_WEIGHTS.regularity} * regularity + ${RANKING_WEIGHTS.freshness} * freshness
                             + ${RANKING_WEIGHTS.subscribers} * subscribers + ${RANKING_WEIGHTS.clickThrough} * click_through)::numeric, 6)
    FROM stats WHERE stats.id = b.id
  RETURNING b.id, b."rankScore"
), categorised AS (
  UPDATE "BlogCategory" bc SET "rankScore" = scored."rankScore" FROM scored WHERE bc."blogId" = scored.id
)
UPDATE "BlogTag" bt SET "rankScore" = scored."rankScore" FROM scored WHERE bt."blogId" = scored.id`;

/** Recomputes the score of the given listings (all when omitted), and its copies in their categories and tags. */
export async function refreshRankScores(db: PrismaClient, blogIds?: string[]): Promise<void> {
  await db.$executeRawUnsafe(REFRESH, blogIds ?? null);
}
