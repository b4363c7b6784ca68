// npm run feed -- <command>: the feed reader from the command line.
//   preview <url>                 fetch and parse a feed (or a site's feed), print one JSON object
//   add <url> [--category slug] [--pending]
//                                 list a blog (active unless --pending) and read its feed now
//   check <listing-slug>          read one listing's feed now and print what happened
//   import-opml <file> [--category slug]
//                                 add every feed of an OPML file as a pending listing
//   export-opml <category-slug>   print the category's listings as OPML
// A URL the safety rules refuse exits non-zero before any connection, with a line "refused: …".
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db";
import { loadWorkerSettings, SettingsError } from "@/lib/env";
import { previewFeed, type FeedPreview } from "@/lib/ingest/preview";
import { FeedWorker } from "@/lib/ingest/feed-worker";
import { readOpml, writeOpml } from "@/lib/ingest/opml";
import { policyOf, checkUrl } from "@/lib/ingest/url-policy";
import { createListing } from "@/lib/listings/create-listing";
import { withDatabase } from "./support/with-database";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { category: { type: "string" }, pending: { type: "boolean", default: false } },
});
const [command, argument] = positionals;

function exitWith(line: string): never {
  console.error(line);
  process.exit(1);
}

let policy: ReturnType<typeof policyOf>;
try {
  policy = policyOf(loadWorkerSettings().INGEST_ALLOW_HOSTS);
} catch (error) {
  exitWith(error instanceof SettingsError ? error.message : String(error));
}

function requireSafeUrl(raw: string | undefined): string {
  if (!raw) exitWith(`usage: npm run feed -- ${command} <url>`);
  const verdict = checkUrl(raw, policy);
  if (!verdict.ok) exitWith(`refused: ${verdict.reason}`);
  return verdict.url.href;
}

/** The feed behind a URL, read with every check; exits with one line saying why when it cannot be. */
async function previewOrExit(url: string): Promise<FeedPreview> {
  const result = await previewFeed(url, policy);
  if (!result.ok) exitWith(`${result.refused ? "refused" : "error"}: ${result.reason}`);
  return result.preview;
}

async function preview(url: string) {
  const { feed, feedUrl, entries } = await previewOrExit(url);
  console.log(
    JSON.stringify(
      {
        feed: { title: feed.title, siteUrl: feed.siteUrl ?? null, feedUrl, format: feed.format, hubUrl: feed.hubUrl ?? null },
        entries: entries.map((entry) => ({
          idKey: entry.identityKey,
          url: entry.url,
          title: entry.title,
          authors: entry.authors,
          publishedAt: entry.publishedAtKnown ? entry.publishedAt.toISOString() : null,
          contentHtml: entry.contentHtml,
          excerpt: entry.excerpt,
          image: entry.imageUrl ?? null,
        })),
      },
      null,
      2,
    ),
  );
}

async function run() {
  switch (command) {
    case "preview":
      return preview(requireSafeUrl(argument));
    case "add": {
      const found = await previewOrExit(requireSafeUrl(argument));
      return withDatabase(async (databaseUrl) => {
        const db = createPrismaClient(databaseUrl);
        try {
          const result = await createListing(db, {
            feedUrl: found.feedUrl,
            siteUrl: found.siteUrl,
            name: found.feed.title,
            description: found.feed.description,
            language: found.feed.language,
            iconUrl: found.iconUrl,
            categorySlugs: values.category ? [values.category] : [],
            status: values.pending ? "PENDING" : "ACTIVE",
          });
          if (!result.created) exitWith(`already listed as /blogs/${result.duplicateOf.slug} (${result.duplicateOf.name})`);
          if (!values.pending) await new FeedWorker(db, { policy }).runOne(result.id);
          const blog = await db.blog.findUniqueOrThrow({ where: { id: result.id }, select: { slug: true, postCount: true, status: true, lastError: true } });
          console.log(`listed /blogs/${blog.slug} (${blog.status.toLowerCase()}), ${blog.postCount} posts mirrored${blog.lastError ? `; last error: ${blog.lastError}` : ""}`);
        } finally {
          await db.$disconnect();
        }
      });
    }
    case "check":
      if (!argument) exitWith("usage: npm run feed -- check <listing-slug>");
      return withDatabase(async (databaseUrl) => {
        const db = createPrismaClient(databaseUrl);
        try {
          const blog = await db.blog.findUnique({ where: { slug: argument }, select: { id: true } });
          if (!blog) exitWith(`no listing /blogs/${argument}`);
          const ran = await new FeedWorker(db, { policy, onResult: (result) => console.log(JSON.stringify(result)) }).runOne(blog.id);
          if (!ran) exitWith("a feed worker is reading this feed right now; try again in a minute");
        } finally {
          await db.$disconnect();
        }
      });
    case "import-opml": {
      if (!argument) exitWith("usage: npm run feed -- import-opml <file.opml> [--category slug]");
      const feeds = readOpml(readFileSync(argument, "utf8"));
      return withDatabase(async (databaseUrl) => {
        const db = createPrismaClient(databaseUrl);
        const summary = { added: 0, duplicate: 0, refused: 0 };
        try {
          for (const [index, feed] of feeds.entries()) {
            const verdict = checkUrl(feed.feedUrl, policy);
            let line: string;
            if (!verdict.ok) {
              summary.refused++;
              line = `refused ${feed.feedUrl}: ${verdict.reason}`;
            } else {
              const result = await createListing(db, {
                feedUrl: verdict.url.href,
                siteUrl: feed.siteUrl ?? verdict.url.origin,
                name: feed.title ?? verdict.url.hostname,
                categorySlugs: values.category ? [values.category] : [],
              });
              if (result.created) summary.added++;
              else summary.duplicate++;
              line = result.created ? `added ${feed.feedUrl} as /blogs/${result.slug}` : `skipped ${feed.feedUrl}: already listed as /blogs/${result.duplicateOf.slug}`;
            }
            console.log(`[${index + 1}/${feeds.length}] ${line}`);
          }
          console.log(`${summary.added} added (pending review), ${summary.duplicate} already listed, ${summary.refused} refused`);
        } finally {
          await db.$disconnect();
        }
      });
    }
    case "export-opml":
      if (!argument) exitWith("usage: npm run feed -- export-opml <category-slug>");
      return withDatabase(async (databaseUrl) => {
        const db = createPrismaClient(databaseUrl);
        try {
          const category = await db.category.findUnique({ where: { slug: argument }, select: { id: true, name: true } });
          if (!category) exitWith(`no category ${argument}`);
          const blogs = await db.blog.findMany({
            where: { status: { in: ["ACTIVE", "DORMANT"] }, categories: { some: { categoryId: category.id } } },
            select: { name: true, feedUrl: true, siteUrl: true, description: true },
            orderBy: { name: "asc" },
          });
          console.log(writeOpml(`BlogAtlas: ${category.name}`, blogs));
        } finally {
          await db.$disconnect();
        }
      });
    default:
      exitWith("usage: npm run feed -- preview|add|check|import-opml|export-opml … (see scripts/feed.ts)");
  }
}

try {
  await run();
} catch (error) {
  exitWith(`error: ${(error as Error).message ?? String(error)}`);
}
