// Search over what visitors may see: posts by PostgreSQL full-text search (the generated
// Post.searchVector, GIN-indexed) ranked by ts_rank_cd with highlighted snippets, and blogs by
// name with typo tolerance (pg_trgm word similarity, trigram-indexed).
import "server-only";
import { db } from "@/lib/db";
import type { TSearchParams } from "./schemas";

export const PAGE_SIZE = 20;
/** The newest matches that relevance ranks: 20 pages' worth (ranking 1000 cost a third more per search). */
export const SEARCH_CANDIDATES = 400;
/**
 * Snippets are cut from a window of the post's HTML around the first place a query word's stem
 * appears (as written or capitalised), not from its whole text: ts_headline parses every word it
 * is given, and twenty snippets over real 10-20 KB posts took ~40 ms of the database's time a
 * search (~8 ms with a window; ~4 ms even for the scale seed's 1.5 KB posts, ~1.5 ms with this
 * one). The window's ends are trimmed so that no piece of a tag, entity or word shows: sanitized
 * HTML writes ">" in text and attributes as &gt;, so a ">" before any "<" means the window starts
 * inside a tag. When no word is found in the content (the match is in the title or the excerpt, or
 * the stem is not how the word is written) the excerpt is the snippet.
 */
const SNIPPET_BEFORE = 250;
const SNIPPET_WINDOW = 700;
// Snippet markers no feed text contains: the page escapes the text and turns them into <mark>.
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

export type TPostHit = { id: string; title: string; publishedAt: Date; blogSlug: string; blogName: string; snippet: string };
export type TBlogHit = { id: string; slug: string; name: string; description: string | null; tier: string };

export async function searchPosts(params: TSearchParams): Promise<{ hits: TPostHit[]; hasMore: boolean }> {
  if (!params.q) return { hits: [], hasMore: false };
  const values: unknown[] = [params.q];
  const filters: string[] = [];
  if (params.category) {
    values.push(params.category);
    filters.push(`AND EXISTS (SELECT 1 FROM "BlogCategory" bc JOIN "Category" c ON c.id = bc."categoryId"
                    WHERE bc."blogId" = p."blogId" AND (c.slug = $${values.length} OR c."parentId" = (SELECT id FROM "Category" WHERE slug = $${values.length})))`);
  }
  if (params.lang) {
    values.push(params.lang.toLowerCase());
    filters.push(`AND EXISTS (SELECT 1 FROM "Blog" lb WHERE lb.id = p."blogId" AND lower(lb.language) = $${values.length})`);
  }
  if (params.from) {
    values.push(params.from);
    filters.push(`AND p."publishedAt" >= $${values.length}::date`);
  }
  if (params.to) {
    values.push(params.to);
    filters.push(`AND p."publishedAt" < ($${values.length}::date + 1)`);
  }
  values.push(PAGE_SIZE + 1, (params.page - 1) * PAGE_SIZE);
  // Relevance ranks the newest SEARCH_CANDIDATES matches (filters applied): a common word matches
  // hundreds of thousands of posts, and ranking them all took seconds. The planner reads the
  // publishedAt index for common words and the GIN index for rare ones; the query is repeated
  // inline (not a CTE) so it can estimate which. Whether the listing is public is checked after
  // ranking, for the page's rows only, in rank order: joining every candidate to its listing first
  // cost 40% of the search (9.2 → 5.3 ms on the scale seed), and posts of listings that are not
  // public are too few to crowd the candidates. Snippets are made for the page's rows only.
  const rows = await db.$queryRawUnsafe<TPostHit[]>(
    `WITH candidates AS (
       SELECT p.id, p."searchVector", p."publishedAt", p."blogId"
         FROM "Post" p
        WHERE p."searchVector" @@ websearch_to_tsquery('english', $1) AND p."hiddenAt" IS NULL
          ${filters.join("\n          ")}
        ORDER BY p."publishedAt" DESC
        LIMIT ${SEARCH_CANDIDATES}),
     ranked AS (
       SELECT c.id, c."publishedAt", c."blogId", ts_rank_cd(c."searchVector", websearch_to_tsquery('english', $1)) AS rank
         FROM candidates c
        ORDER BY rank DESC, c."publishedAt" DESC, c.id),
     visible AS (
       SELECT r.*, b.slug AS "blogSlug", b.name AS "blogName"
         FROM ranked r JOIN "Blog" b ON b.id = r."blogId"
        WHERE b.status IN ('ACTIVE', 'DORMANT') AND b."mirrorMode" <> 'NONE'
        ORDER BY r.rank DESC, r."publishedAt" DESC, r.id
        LIMIT $${values.length - 1} OFFSET $${values.length})
     SELECT r.id, p.title, r."publishedAt", r."blogSlug", r."blogName",
            ts_headline('english',
                        coalesce((
                          SELECT regexp_replace(regexp_replace(regexp_replace(
                                   substr(p."contentHtml", greatest(1, m.at - ${SNIPPET_BEFORE}), ${SNIPPET_WINDOW}),
                                   CASE WHEN m.at > ${SNIPPET_BEFORE + 1} THEN '^([^<]*>|[^\\s<>]*)' ELSE '^' END, ''),
                                   '(<[^>]*|&[#a-zA-Z0-9]*)$', ''), '<[^>]*>', ' ', 'g')
                            FROM (SELECT min(least(nullif(strpos(p."contentHtml", word), 0), nullif(strpos(p."contentHtml", initcap(word)), 0))) AS at
                                    FROM unnest(tsvector_to_array(to_tsvector('english', $1))) word) m
                           WHERE m.at IS NOT NULL), p.excerpt),
                        websearch_to_tsquery('english', $1),
                        'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, HighlightAll=false') AS snippet
       FROM visible r JOIN "Post" p ON p.id = r.id
      ORDER BY r.rank DESC, r."publishedAt" DESC, r.id`,
    ...values,
  );
  return { hits: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
}

/** How many name matches are ordered by similarity: a common word ("garden") matches thousands. */
const BLOG_CANDIDATES = 300;

/**
 * Blogs whose name matches the query, misspellings included; matching Business Listings first
 * (labelled, from their own small index). Other matches are ordered among the first
 * BLOG_CANDIDATES the name index yields: scoring all of a common word's matches took 60-80 ms.
 * The matches are CTEs so that each is planned for all its rows (the trigram index) and then read
 * only as far as the LIMIT needs; with the LIMIT in view the planner chose a sequential scan that
 * took twice as long (docs/explain-lists-scale.txt).
 */
export function searchBlogs(q: string, limit = 6): Promise<TBlogHit[]> {
  if (!q) return Promise.resolve([]);
  const matches = `status IN ('ACTIVE', 'DORMANT') AND ($1 <% name OR name ILIKE '%' || $1 || '%')`;
  return db.$queryRawUnsafe<TBlogHit[]>(
    `WITH business AS MATERIALIZED (SELECT id, slug, name, description, tier FROM "Blog" WHERE tier = 'BUSINESS' AND ${matches}),
          matching AS MATERIALIZED (SELECT id, slug, name, description, tier FROM "Blog" WHERE ${matches})
     SELECT id, slug, name, description, tier::text AS tier
       FROM ((SELECT * FROM business LIMIT 50) UNION (SELECT * FROM matching LIMIT ${BLOG_CANDIDATES})) found
      ORDER BY tier = 'BUSINESS' DESC, word_similarity($1, name) DESC, name
      LIMIT $2`,
    q.slice(0, 100),
    limit,
  );
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " " };

/** A snippet as text runs, each marked or not; the page renders them as text, never as HTML. */
export function snippetParts(snippet: string): Array<{ text: string; marked: boolean }> {
  const parts: Array<{ text: string; marked: boolean }> = [];
  // The snippet's text comes from sanitized HTML: its few entities are turned back into characters.
  const text = snippet.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity]!).replace(/\s+/g, " ");
  for (const [index, piece] of text.split(MARK_START).entries()) {
    if (index === 0) {
      if (piece) parts.push({ text: piece, marked: false });
      continue;
    }
    const [marked, rest] = piece.split(MARK_END) as [string, string | undefined];
    if (marked) parts.push({ text: marked, marked: true });
    if (rest) parts.push({ text: rest, marked: false });
  }
  return parts;
}
