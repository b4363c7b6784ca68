// Writers say which pages their change affects; every web process's page cache listens (listen.ts).
// Tags: blog:<id> (the blog page and its post pages), post:<id>, category:<id>, lists (home,
// category, tag and search pages, which show the newest posts of everyone; dropped at most every
// 30 s), lists:now (the same, at once: for takedowns and suspensions).
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const PAGE_CACHE_CHANNEL = "page_cache";

export async function announcePageChanges(db: Pick<PrismaClient, "$executeRaw">, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  await db.$executeRaw`SELECT pg_notify(${PAGE_CACHE_CHANNEL}, ${tags.join(" ")})`;
}
