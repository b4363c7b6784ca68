// Public reads of the category tree.
import "server-only";
import { db } from "@/lib/db";

export type TCategoryNode = { id: string; slug: string; name: string; blogCount: number; children: TCategoryNode[] };

/** The category tree with the number of visible listings in each category. */
export async function getCategoryTree(): Promise<TCategoryNode[]> {
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
