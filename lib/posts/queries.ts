// Public reads of mirrored posts: never a hidden post, nor one of a listing that is not public or
// whose owner chose not to be mirrored.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publicListingWhere } from "@/lib/listings/queries";
import { postCardSelect, postPageSelect } from "./selects";

export const publicPostWhere = {
  hiddenAt: null,
  blog: { ...publicListingWhere, mirrorMode: { not: "NONE" } },
} satisfies Prisma.PostWhereInput;

export function getLatestPosts(limit: number) {
  return db.post.findMany({
    where: publicPostWhere,
    select: postCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

export function getListingPosts(blogId: string, limit: number) {
  return db.post.findMany({
    where: { ...publicPostWhere, blogId },
    select: postCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

export function getPublicPost(id: string) {
  return db.post.findFirst({ where: { ...publicPostWhere, id }, select: postPageSelect });
}

/** The newest posts of the listings in any of these categories. */
export function getCategoryPosts(categoryIds: string[], limit: number) {
  return db.post.findMany({
    where: { ...publicPostWhere, blog: { ...publicPostWhere.blog, categories: { some: { categoryId: { in: categoryIds } } } } },
    select: postCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}
