// npm run db:seed: fills the database with the demo directory (safe to run again).
import { createPrismaClient } from "@/lib/db";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { migrated, withDatabase } from "./support/with-database";

await withDatabase(async (databaseUrl) => {
  const db = createPrismaClient(await migrated(databaseUrl));
  try {
    const started = Date.now();
    const report = await seedDemo(db);
    console.log(
      `demo directory: ${report.users} users, ${report.categories} categories, ${report.blogs} blogs, ` +
        `${report.posts} posts (${report.postsAdded} new) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.$disconnect();
  }
});
