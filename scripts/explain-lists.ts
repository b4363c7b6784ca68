// npm run explain:lists (DATABASE_URL: a database holding the scale seed, e.g. the one bench:web keeps)
//
// Runs every list query of the public pages the way the pages run them, captures the SQL they
// send, and prints EXPLAIN ANALYZE for each: the plan's scan nodes and the time. A sequential scan
// of a large table is flagged, and the command exits non-zero if one is found outside the queries
// known to read everything (the category tree's counts, which a web process reads once a minute
// in the background, while visitors get the tree in hand).
import pg from "pg";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("error: set DATABASE_URL to a database holding the scale seed");
  process.exit(1);
}

// Capture what the app sends: every query passes through pg.Client.prototype.query.
type Captured = { text: string; values: unknown[] };
let captured: Captured[] = [];
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
  const text = typeof first === "string" ? first : first?.text;
  const values = (typeof first === "string" ? second : first?.values) ?? [];
  if (text && /^\s*(WITH|SELECT)/i.test(text)) captured.push({ text, values: Array.isArray(values) ? values : [] });
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const { getCategory, getCategoryRanking, getCategoryTree, getRanking, getTag } = await import("@/lib/categories/queries");
const { getFeaturedListings, getListingPage, getNewestListings } = await import("@/lib/listings/queries");
const { getCategoryPosts, getLatestPosts, getPublicPostPage, getTagPosts } = await import("@/lib/posts/queries");
const { searchBlogs, searchPosts } = await import("@/lib/search/queries");
const { getTrendingPosts } = await import("@/lib/analytics/post-views");
const { sitemap } = await import("@/lib/syndication/sitemaps");
const { categoryFeedData, listingFeedData } = await import("@/lib/syndication/feeds");
const { db } = await import("@/lib/db");

const admin = new pg.Client({ connectionString: databaseUrl });
await admin.connect();
/** A query of this script's own, on its own connection, past the capture. */
const uncaptured = <Row>(text: string, values: unknown[] = []) =>
  (originalQuery as (this: pg.Client, text: string, values: unknown[]) => Promise<{ rows: Row[] }>).call(admin, text, values);
const sizes = new Map(
  (await admin.query<{ relname: string; n: string }>(`SELECT relname, reltuples::bigint::text AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`)).rows.map((row) => [row.relname, Number(row.n)]),
);
const LARGE = 10_000;
const READS_EVERYTHING = new Set(["category tree (counts; reused for a minute)"]);
let problems = 0;

async function explain(label: string, run: () => Promise<unknown>) {
  captured = [];
  await run();
  const queries = captured;
  captured = [];
  console.log(`\n## ${label}`);
  for (const query of queries) {
    const plan = await uncaptured<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values);
    const lines = plan.rows.map((row) => row["QUERY PLAN"]);
    const scans = lines.filter((line) => /Scan|Execution Time/.test(line)).map((line) => line.trim().replace(/\s+\(cost=[^)]*\)/, ""));
    const seqLarge = scans.filter((line) => {
      const table = line.match(/Seq Scan on "?(\w+)"?/)?.[1];
      return table !== undefined && (sizes.get(table) ?? 0) > LARGE;
    });
    console.log(`  ${query.text.replace(/\s+/g, " ").slice(0, 140)}…`);
    for (const line of scans) console.log(`    ${line}`);
    if (seqLarge.length && !READS_EVERYTHING.has(label)) {
      problems++;
      console.log(`    ^ sequential scan of a large table`);
    }
  }
}

try {
  const category = (await getCategory("technology")) ?? (await db.category.findFirst({ select: { slug: true } }).then((row) => getCategory(row!.slug)));
  const deep = (await db.$queryRaw<Array<{ rankScore: number; blogId: string }>>`
    SELECT "rankScore", "blogId" FROM "BlogCategory" WHERE "categoryId" = ${category!.id} ORDER BY "rankScore" DESC, "blogId" DESC
     OFFSET LEAST(9980, (SELECT count(*) * 9 / 10 FROM "BlogCategory" WHERE "categoryId" = ${category!.id})) LIMIT 1`)[0];
  const tag = await db.tag.findFirst({ select: { slug: true } }).then((row) => (row ? getTag(row.slug) : null));
  const blog = await db.blog.findFirst({ where: { status: "ACTIVE", postCount: { gt: 5 } }, select: { id: true, slug: true } });
  const post = await db.post.findFirst({ where: { blogId: blog!.id }, select: { id: true, title: true, blog: { select: { id: true } } } });

  await explain("home: latest posts", () => getLatestPosts(12));
  await explain("home: newest listings", () => getNewestListings(6));
  await explain("home: featured Business Listings", () => getFeaturedListings(4));
  await explain("home: trending posts", () => getTrendingPosts(4));
  await explain("category tree (counts; reused for a minute)", () => getCategoryTree());
  await explain("category: featured", () => getFeaturedListings(2, { categoryId: category!.id }));
  await explain("category: ranking, first page", () => getCategoryRanking(category!.id));
  if (deep) await explain("category: ranking, a deep page (page 500, or 90% down)", () => getCategoryRanking(category!.id, { score: deep.rankScore, id: deep.blogId }));
  await explain("category: latest posts", () => getCategoryPosts([category!.id], 6));
  if (tag) {
    await explain("tag: ranking", () => getRanking("tag", tag.id));
    await explain("tag: latest posts", () => getTagPosts(tag.id, 6));
  }
  await explain("blog page (the listing and its latest posts, one query)", () => getListingPage(blog!.slug, 12));
  const busiest = await db.blog.findFirst({ where: { status: "ACTIVE" }, orderBy: { postCount: "desc" }, select: { slug: true } });
  const older = busiest ? (await getListingPage(busiest.slug, 12))?.older : undefined;
  if (busiest && older) await explain("blog page, older posts of the busiest blog", () => getListingPage(busiest.slug, 12, older));
  // A connection compiles related_post_cards (PL/pgSQL) on its first call, ~7 ms once; the web
  // process's connections have long done so, so the plan is timed on a connection that has too.
  await uncaptured(`SELECT related_post_cards($1, $2, $3, 4)`, [post!.id, post!.title, blog!.id]);
  await explain("post page (the post and its related posts, one query)", () => getPublicPostPage(post!.id));
  // The ranking that related_post_cards runs inside that query, which EXPLAIN of the query cannot show.
  await explain("post: related posts (the ranking inside the post page's query)", async () => {
    const { rows } = await uncaptured<{ text: string | null }>(`SELECT related_post_sql($1, related_post_words($2), 4) AS text`, [post!.id, post!.title]);
    if (rows[0]?.text) captured.push({ text: rows[0].text, values: [] });
    else console.log(`  (the post's title has no word to match on: ${JSON.stringify(post!.title)})`);
  });
  await explain("search: posts, a common word", () => searchPosts({ q: "garden", page: 1 } as never));
  await explain("search: posts, two words, page 3", () => searchPosts({ q: "garden telescope", page: 3 } as never));
  await explain("search: posts, a rare word", () => searchPosts({ q: "quokka", page: 1 } as never));
  await explain("search: posts, in a category", () => searchPosts({ q: "garden", page: 1, category: category!.slug } as never));
  await explain("search: blogs by name, misspelt", () => searchBlogs("gardne"));
  await explain("search: blogs by name, a common word", () => searchBlogs("garden"));
  await explain("sitemap: posts, chunk 3", () => sitemap({ kind: "posts", chunk: 3 }, "https://blogatlas.example"));
  await explain("feed: blog RSS", () => listingFeedData(blog!.slug));
  await explain("feed: category RSS", () => categoryFeedData(category!.slug));
} finally {
  await admin.end();
  await db.$disconnect();
}
console.log(problems ? `\n${problems} list queries scan a large table sequentially` : "\nevery list query reads through an index");
process.exit(problems ? 1 : 0);
