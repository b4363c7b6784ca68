// Public reads of the category tree.
import "server-only";
import { db, hotRows } from "@/lib/db";
import type { TListingCard } from "@/lib/listings/selects";

export type TCategoryNode = { id: string; slug: string; name: string; blogCount: number; children: TCategoryNode[] };

/** How long a web process reuses the category tree: its counts cost a pass over every listing. */
const TREE_MAX_AGE_MS = 60_000;
/** The tree as last read, and whether a fresh read is under way (once that one is over a minute old). */
let tree: { at: number; nodes: Promise<TCategoryNode[]>; refreshing?: boolean } | undefined;

/**
 * The category tree with public listing counts, read at most once a minute. Once the tree in hand
 * is a minute old it is still the answer while a fresh one is read: the count over 100,000
 * listings takes ~200 ms on the scale seed, and no visitor should wait for it once a minute
 * (docs/explain-lists-scale.txt). Only a process's first read, or one after a failed read, waits.
 */
export function getCategoryTree(): Promise<TCategoryNode[]> {
  if (!tree) {
    const nodes = loadCategoryTree();
    const read = { at: Date.now(), nodes };
    tree = read;
    nodes.catch(() => {
      if (tree === read) tree = undefined; // a failed read is not kept
    });
  } else if (!tree.refreshing && Date.now() - tree.at > TREE_MAX_AGE_MS) {
    const stale = tree;
    const at = Date.now();
    stale.refreshing = true;
    void loadCategoryTree().then(
      (nodes) => {
        if (tree === stale) tree = { at, nodes: Promise.resolve(nodes) };
      },
      (error: unknown) => {
        // The stale tree stays, and the next request tries again.
        console.warn(`category tree: a fresh read failed (${error instanceof Error ? error.message : String(error)}); the last one is kept`);
        stale.refreshing = false;
      },
    );
  }
  return tree.nodes;
}

/** Forget the tree in hand (tests). */
export function forgetCategoryTree(): void {
  tree = undefined;
}

/** Every category as a form option, subcategories named with their parent ("Technology: Programming"). */
export async function getCategoryOptions(): Promise<Array<{ slug: string; name: string }>> {
  return (await getCategoryTree()).flatMap((category) => [
    { slug: category.slug, name: category.name },
    ...category.children.map((child) => ({ slug: child.slug, name: `${category.name}: ${child.name}` })),
  ]);
}

async function loadCategoryTree(): Promise<TCategoryNode[]> {
  const rows = await db.$queryRaw<Array<{ id: string; slug: string; name: string; parentId: string | null; blogCount: number }>>`
    SELECT c.id, c.slug, c.name, c."parentId", count(b.id)::int AS "blogCount"
      FROM "Category" c
      LEFT JOIN "BlogCategory" bc ON bc."categoryId" = c.id
      LEFT JOIN "Blog" b ON b.id = bc."blogId" AND b.status IN ('ACTIVE', 'DORMANT')
     GROUP BY c.id
     ORDER BY c.position, c.name`;
  const nodes = new Map(rows.map((row) => [row.id, { id: row.id, slug: row.slug, name: row.name, blogCount: row.blogCount, children: [] as TCategoryNode[] }]));
  const roots: TCategoryNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

function loadCategory(slug: string) {
  return db.category.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      parent: { select: { slug: true, name: true } },
      children: { select: { id: true, slug: true, name: true }, orderBy: [{ position: "asc" }, { name: "asc" }] },
    },
  });
}

// Categories are the seed's and the operators' (nothing in the app edits them): a page reuses one
// for as long as the tree, saving a round trip on every category page.
const categories = new Map<string, { at: number; value: ReturnType<typeof loadCategory> }>();

/** One category with its parent and children, at most a minute old; null when there is none. */
export function getCategory(slug: string, now = Date.now()): ReturnType<typeof loadCategory> {
  const hit = categories.get(slug);
  if (hit && now - hit.at < TREE_MAX_AGE_MS) return hit.value;
  if (categories.size > 1000) categories.clear(); // unknown slugs cannot grow it without bound
  const value = loadCategory(slug);
  categories.set(slug, { at: now, value });
  value.catch(() => {
    if (categories.get(slug)?.value === value) categories.delete(slug);
  });
  return value;
}

export type TRankCursor = { score: number; id: string };
export const CATEGORY_PAGE_SIZE = 20;

const RANKING_SOURCES = {
  category: { table: "BlogCategory", key: "categoryId" },
  tag: { table: "BlogTag", key: "tagId" },
} as const;

/**
 * The ranking's statement ($1 the category or tag, $2 the rows to read, $3 and $4 the cursor's
 * score and id). Prepared (lib/db.ts, hotRows), one for the first page and one for the pages after a
 * cursor, so that even a plan made for any cursor seeks the index to it. As one statement for both
 * (`cursor IS NULL OR (score, id) < cursor`) it could not: PostgreSQL re-planned it on every call,
 * and had it settled on a plan for any value, page 500 would have walked the category from its top.
 * Sent unprepared through Prisma, as it was, it was planned afresh on every miss, and kept
 * PostgreSQL at 0.25-0.27 cores on deep category misses against 0.20 (docs/decisions/007, session 13). The cards come with the ranking in one round trip (the shape of
 * listingCardSelect): on a deep category page this is the page's only query, and a second one for
 * the cards cost more Node time than the database spent on both.
 */
export function rankingSql(kind: keyof typeof RANKING_SOURCES, afterCursor: boolean): string {
  const { table, key } = RANKING_SOURCES[kind];
  return `SELECT b.id, b.slug, b.name, b.description, b."siteUrl", b.tier::text AS tier, b."iconUrl", b.language,
            b."verifiedAt", b."postCount", b."lastPostAt", r."rankScore",
            COALESCE((SELECT json_agg(json_build_object('category', json_build_object('slug', c.slug, 'name', c.name)) ORDER BY bc."categoryId")
                        FROM "BlogCategory" bc JOIN "Category" c ON c.id = bc."categoryId"
                       WHERE bc."blogId" = b.id), '[]') AS categories
       FROM "${table}" r JOIN "Blog" b ON b.id = r."blogId"
      WHERE r."${key}" = $1 AND b.status IN ('ACTIVE', 'DORMANT')${afterCursor ? `\n        AND (r."rankScore", r."blogId") < ($3::float8, $4::text)` : ""}
      ORDER BY r."rankScore" DESC, r."blogId" DESC
      LIMIT $2`;
}

/**
 * One page of a category's (or tag's) listings in ranking order, by keyset (score, id), so that
 * page 500 costs what page 1 does: a scan of the (categoryId|tagId, rankScore, blogId) index from
 * the cursor.
 */
export async function getRanking(kind: keyof typeof RANKING_SOURCES, ownerId: string, after?: TRankCursor, limit = CATEGORY_PAGE_SIZE) {
  const rows = await hotRows<TListingCard & { rankScore: number }>({
    name: after ? `ranking-${kind}-after` : `ranking-${kind}`,
    text: rankingSql(kind, Boolean(after)),
    values: after ? [ownerId, limit + 1, after.score, after.id] : [ownerId, limit + 1],
  });
  const listings = rows.slice(0, limit);
  const last = listings.at(-1);
  return { listings, next: rows.length > limit && last ? { score: last.rankScore, id: last.id } : null };
}

export const getCategoryRanking = (categoryId: string, after?: TRankCursor, limit = CATEGORY_PAGE_SIZE) => getRanking("category", categoryId, after, limit);

export function getTag(slug: string) {
  return db.tag.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
}
