// npm run db:seed:scale -- --blogs 100000 --posts 1000000
// Bulk-loads a directory at scale (COPY) on top of the demo directory, with a progress bar.
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { seedScale } from "@/prisma/seed/seed-scale";
import { fail, migrated, withDatabase } from "./support/with-database";

const { values } = parseArgs({ options: { blogs: { type: "string", default: "100000" }, posts: { type: "string", default: "1000000" } } });
const blogs = Number(values.blogs);
const posts = Number(values.posts);
if (!Number.isInteger(blogs) || blogs < 1 || !Number.isInteger(posts) || posts < 0) fail("--blogs and --posts must be whole numbers (blogs at least 1)");

let last = "";
const progress = (phase: string, done: number, total: number) => {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const line = `${phase.padEnd(13)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done.toLocaleString("en")}/${total.toLocaleString("en")}`;
  if (line === last) return;
  last = line;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
  else if (done === total || filled % 3 === 0) process.stderr.write(`${line}\n`);
};

await withDatabase(async (databaseUrl) => {
  const db = createPrismaClient(await migrated(databaseUrl));
  const started = Date.now();
  try {
    await seedDemo(db);
    const counts = await seedScale(db, databaseUrl, { blogs, posts, onProgress: progress });
    console.log(`scale directory: ${counts.blogs.toLocaleString("en")} blogs, ${counts.posts.toLocaleString("en")} posts in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await db.$disconnect();
  }
});
