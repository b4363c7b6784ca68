// Test fixtures: users, listings and posts with sensible defaults, each overridable.
// Until the owner and ingest issues add the app's own create functions, these write rows directly.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const unique = () => randomBytes(4).toString("hex");

export function createUser(data: Partial<Prisma.UserCreateInput> = {}) {
  return db.user.create({ data: { email: `user-${unique()}@example.com`, name: "Test User", ...data } });
}

export function createListing(data: Partial<Prisma.BlogUncheckedCreateInput> = {}) {
  const slug = data.slug ?? `blog-${unique()}`;
  return db.blog.create({
    data: { slug, name: `Blog ${slug}`, siteUrl: `https://${slug}.example`, feedUrl: `https://${slug}.example/feed.xml`, status: "ACTIVE", ...data },
  });
}

export function createPost(blogId: string, data: Partial<Prisma.PostUncheckedCreateInput> = {}) {
  const key = unique();
  const title = data.title ?? `Post ${key}`;
  const contentHtml = data.contentHtml ?? `<p>Body of ${title}</p>`;
  return db.post.create({
    data: {
      blogId,
      identityKey: `https://example.com/${key}`,
      url: `https://example.com/${key}`,
      title,
      contentHtml,
      excerpt: `Excerpt of ${title}`,
      publishedAt: new Date(),
      contentHash: createHash("sha256").update(title + contentHtml).digest("hex"),
      ...data,
    },
  });
}
