// Fills a database with the demo directory. Deterministic and idempotent: every row is keyed by
// a natural key (e-mail, slug, a post's identity key), so running it again adds nothing twice.
import { createHash } from "node:crypto";
import { refreshRankScores } from "@/lib/listings/ranking";
import { seededRandom, type Random } from "@/lib/seeded-random";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { demoBlogs, demoCategories, demoEditors, demoTags, demoUsers, genericVoice, tagsByCategory, voiceFor, type DemoBlog } from "./demo-catalog";

export type SeedReport = { users: number; categories: number; blogs: number; posts: number; postsAdded: number };

type Rng = Random;
const random = seededRandom;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const pickSome = <T>(rng: Rng, items: readonly T[], count: number): T[] => {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0] as T);
  return out;
};
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const slugify = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export const DEMO_IMAGE_COUNT = 8;
export const siteUrlOf = (blog: DemoBlog) => `https://${blog.slug}.example`;

/** Hands out a post's sentences without repeats until the pool runs dry, then reshuffles. */
function sentenceSource(rng: Rng, pool: string[]) {
  let queue: string[] = [];
  return () => {
    if (queue.length === 0) queue = pickSome(rng, pool, pool.length);
    return queue.pop() as string;
  };
}

function paragraph(rng: Rng, next: () => string): string {
  const count = 2 + Math.floor(rng() * 3);
  return `<p>${Array.from({ length: count }, next).map(escapeHtml).join(" ")}</p>`;
}

const titleCache = new Map<string, Array<{ topic: string; title: string }>>();

/** Every topic and title pairing of a blog's voice, in a fixed shuffled order: no title repeats. */
function titlesOf(blog: DemoBlog) {
  let titles = titleCache.get(blog.slug);
  if (!titles) {
    const voice = voiceFor(blog.category);
    const pairs = voice.topics.flatMap((topic) =>
      voice.titles.map((template) => ({ topic, title: template.replace("{topic}", topic).replace("{Topic}", capitalise(topic)) })),
    );
    titles = pickSome(random(`${blog.slug}:titles`), pairs, pairs.length);
    titleCache.set(blog.slug, titles);
  }
  return titles;
}

/** One post: a title and real-looking HTML (headings, paragraphs, a list, a quote, an image, links). */
function composePost(blog: DemoBlog, index: number) {
  const rng = random(`${blog.slug}#${index}`);
  const voice = voiceFor(blog.category);
  const sentence = sentenceSource(rng, [...voice.sentences, ...genericVoice.sentences]);
  const { topic, title } = titlesOf(blog)[index % titlesOf(blog).length]!;
  const site = siteUrlOf(blog);
  const image = 1 + Math.floor(rng() * DEMO_IMAGE_COUNT);
  const imageUrl = `/demo/cover-${image}.svg`;
  const parts = [
    paragraph(rng, sentence),
    paragraph(rng, sentence),
    `<h2>${escapeHtml(capitalise(pick(rng, ["what worked", "where it went wrong", "the details", "getting started", "what I would do again"])))}</h2>`,
    paragraph(rng, sentence),
    `<figure><img src="${imageUrl}" alt="Illustration for ${escapeHtml(title)}" width="1200" height="630"><figcaption>${escapeHtml(capitalise(topic))}, as it looked this time.</figcaption></figure>`,
    rng() < 0.5
      ? `<ul>${pickSome(rng, voice.list, 4).map((item) => `<li>${escapeHtml(capitalise(item))}</li>`).join("")}</ul>`
      : `<ol>${pickSome(rng, voice.list, 4).map((item) => `<li>${escapeHtml(capitalise(item))}</li>`).join("")}</ol>`,
    `<blockquote><p>${escapeHtml(sentence())}</p></blockquote>`,
    paragraph(rng, sentence),
    `<h2>${escapeHtml(capitalise(pick(rng, ["looking back", "what comes next", "a few caveats", "if you try this"])))}</h2>`,
    paragraph(rng, sentence),
    paragraph(rng, sentence),
    `<h3>Further reading</h3>`,
    `<p>I wrote about this before in <a href="${site}/archive/${slugify(pick(rng, voice.topics))}">an earlier post</a>, and the <a href="${site}/about">about page</a> explains how this blog works.</p>`,
  ];
  if (blog.category === "programming" && rng() < 0.6) {
    parts.splice(4, 0, `<pre><code>$ time make build\nreal    1m31.204s\nuser    2m02.511s</code></pre>`);
  }
  const contentHtml = parts.join("\n");
  const text = contentHtml.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  const words = text.split(" ").length;
  const excerpt = text.length > 280 ? `${text.slice(0, 277).replace(/\s+\S*$/, "")}…` : text;
  const postSlug = slugify(title);
  return {
    identityKey: `${site}/${index}/${postSlug}`,
    url: `${site}/${2026 - Math.floor(index / 40)}/${postSlug}-${index}`,
    title,
    authors: blog.authors.length > 1 ? [pick(rng, blog.authors)] : blog.authors,
    contentHtml,
    excerpt,
    imageUrl,
    readingMinutes: Math.max(1, Math.round(words / 220)),
    contentHash: createHash("sha256").update(title + contentHtml).digest("hex"),
  };
}

const POSTS_PER_ACTIVE_BLOG = 15;

export async function seedDemo(db: PrismaClient, now = new Date()): Promise<SeedReport> {
  const users = new Map<string, string>();
  for (const user of demoUsers) {
    const row = await db.user.upsert({
      where: { email: user.email },
      create: { email: user.email, name: user.name, role: user.role, emailVerified: now },
      update: {},
      select: { id: true },
    });
    users.set(user.email, row.id);
  }

  const categories = new Map<string, string>();
  for (const [position, category] of demoCategories.entries()) {
    const row = await db.category.upsert({
      where: { slug: category.slug },
      create: {
        slug: category.slug,
        name: category.name,
        description: category.description,
        position,
        parentId: category.parent ? categories.get(category.parent) : undefined,
      },
      update: {},
      select: { id: true },
    });
    categories.set(category.slug, row.id);
  }

  const tags = new Map<string, string>();
  for (const tag of demoTags) {
    const row = await db.tag.upsert({ where: { slug: tag.slug }, create: tag, update: {}, select: { id: true } });
    tags.set(tag.slug, row.id);
  }

  let postsAdded = 0;
  let postsTotal = 0;
  for (const [order, blog] of demoBlogs.entries()) {
    const rng = random(blog.slug);
    const status = blog.status ?? "ACTIVE";
    const site = siteUrlOf(blog);
    const createdAt = new Date(now.getTime() - (order + 1) * 3 * 86_400_000);
    const row = await db.blog.upsert({
      where: { slug: blog.slug },
      create: {
        slug: blog.slug,
        name: blog.name,
        description: blog.description,
        siteUrl: site,
        feedUrl: `${site}/feed.xml`,
        feedFormat: rng() < 0.7 ? "RSS" : "ATOM",
        status,
        tier: blog.business ? "BUSINESS" : "FREE",
        // The demo's Business Listings stand without Stripe: granted by hand, as an admin can.
        businessGrantedAt: blog.business ? createdAt : null,
        language: blog.language,
        country: blog.country,
        verifiedAt: blog.owner ? createdAt : null,
        submittedById: blog.owner ? users.get(blog.owner) : users.get("reader@example.com"),
        rejectionReason: status === "REJECTED" ? "The site copies other blogs' posts without credit." : null,
        ctaLabel: blog.business?.ctaLabel,
        ctaUrl: blog.business ? `${site}/contact` : null,
        contactEmail: blog.business?.contactEmail,
        socialLinks: blog.business ? { mastodon: `https://social.example/@${blog.slug}`, website: site } : undefined,
        postsPerWeek: blog.postsPerWeek,
        lastCheckedAt: status === "PENDING" ? null : new Date(now.getTime() - Math.floor(rng() * 3_600_000)),
        lastSuccessAt: status === "ACTIVE" ? new Date(now.getTime() - Math.floor(rng() * 3_600_000)) : null,
        // The demo blogs live at reserved .example addresses that do not exist, so the feed worker
        // is told to leave them alone for a year; real listings added later are read as usual.
        nextCheckAt: new Date(now.getTime() + 365 * 86_400_000),
        errorCount: status === "DORMANT" ? 42 : 0,
        lastError: status === "DORMANT" ? "connection timed out after 30 s" : null,
        lastErrorAt: status === "DORMANT" ? new Date(now.getTime() - 3_600_000) : null,
        dormantSince: status === "DORMANT" ? new Date(now.getTime() - 20 * 86_400_000) : null,
        createdAt,
      },
      update: {},
      select: { id: true },
    });

    const categoryIds = [blog.category, blog.extraCategory].filter(Boolean).map((slug) => categories.get(slug as string) as string);
    await db.blogCategory.createMany({ data: categoryIds.map((categoryId) => ({ blogId: row.id, categoryId })), skipDuplicates: true });
    const blogTags = pickSome(rng, tagsByCategory[blog.category] ?? [], 2);
    await db.blogTag.createMany({ data: blogTags.map((slug) => ({ blogId: row.id, tagId: tags.get(slug)! })), skipDuplicates: true });
    if (blog.owner) {
      await db.blogMember.createMany({ data: [{ blogId: row.id, userId: users.get(blog.owner) as string, role: "OWNER" }], skipDuplicates: true });
    }
    for (const [slug, email] of demoEditors) {
      if (slug === blog.slug) {
        await db.blogMember.createMany({ data: [{ blogId: row.id, userId: users.get(email) as string, role: "EDITOR" }], skipDuplicates: true });
      }
    }

    if (status === "PENDING" || status === "REJECTED") continue;
    const count = status === "DORMANT" ? 6 : POSTS_PER_ACTIVE_BLOG;
    // Posts are spaced by the blog's posting rate, newest first, ending before the blog went quiet.
    const spacing = (7 * 86_400_000) / Math.max(blog.postsPerWeek, 0.5);
    const newest = status === "DORMANT" ? now.getTime() - 40 * 86_400_000 : now.getTime() - rng() * spacing;
    const posts = Array.from({ length: count }, (_, index) => {
      const post = composePost(blog, index);
      const publishedAt = new Date(newest - index * spacing * (0.6 + rng() * 0.8));
      return { ...post, blogId: row.id, publishedAt };
    });
    const result = await db.post.createMany({ data: posts, skipDuplicates: true });
    postsAdded += result.count;
    postsTotal += count;
  }

  // Denormalised counters that listing pages read.
  await db.$executeRaw`
    UPDATE "Blog" b SET "postCount" = s.n, "lastPostAt" = s.latest
      FROM (SELECT "blogId", count(*)::int AS n, max("publishedAt") AS latest FROM "Post" GROUP BY "blogId") s
     WHERE s."blogId" = b.id`;

  await refreshRankScores(db);

  return { users: users.size, categories: categories.size, blogs: demoBlogs.length, posts: postsTotal, postsAdded };
}
