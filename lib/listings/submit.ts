// Submitting a blog: a signed-in user gives a site or feed address, sees what we would list (the
// feed discovered and read with every fetch check), adds a category, tags, a language and a
// description, and files it as pending for review. The name, addresses and posts always come from
// the feed itself, never from the form. A feed or site already listed is reported, not listed
// twice. A user may submit a few blogs a day and preview a few dozen.
import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { previewFeed, type FeedPreview } from "@/lib/ingest/preview";
import type { FetchPolicy } from "@/lib/ingest/url-policy";
import { hit, type Limit } from "@/lib/rate-limit";
import { createListing, unsafeFindDuplicateListing } from "./create-listing";
import { assessSubmission } from "./spam-signals";
import { ZLanguageCode, ZTagList } from "./schemas";

export const SUBMISSIONS_PER_DAY: Limit = { max: 5, windowMs: 86_400_000 };
export const PREVIEWS_PER_DAY: Limit = { max: 30, windowMs: 86_400_000 };

const ZAddress = z
  .string({ error: "Enter your blog's address, or its feed's." })
  .trim()
  .min(1, { error: "Enter your blog's address, or its feed's." })
  .max(2000, { error: "That address is too long." })
  .transform((value) => (/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`))
  .pipe(z.url({ error: "That does not look like a web address, such as https://myblog.example." }));

export const ZSubmission = z.object({
  url: ZAddress,
  category: z.string({ error: "Choose a category." }).min(1, { error: "Choose a category." }),
  tags: ZTagList,
  language: ZLanguageCode,
  description: z.string().trim().max(500, { error: "Keep the description under 500 characters." }).default(""),
});

type FieldErrors = Partial<Record<"url" | "category" | "tags" | "language" | "description" | "form", string>>;

export type PreviewAnswer =
  | {
      kind: "preview";
      url: string;
      name: string;
      siteUrl: string;
      feedUrl: string;
      description: string;
      language: string;
      posts: Array<{ title: string; url: string; publishedAt: string | null }>;
    }
  | { kind: "duplicate"; listing: { slug: string; name: string } }
  | { kind: "invalid"; errors: FieldErrors; retryAfterSeconds?: number };

export type SubmitAnswer = { kind: "submitted"; slug: string } | Exclude<PreviewAnswer, { kind: "preview" }>;

const firstErrors = (error: z.ZodError): FieldErrors =>
  Object.fromEntries(error.issues.map((issue) => [String(issue.path[0] ?? "form"), issue.message]).reverse()) as FieldErrors;

async function readSubmittedFeed(url: string, policy: FetchPolicy): Promise<{ preview: FeedPreview } | { answer: PreviewAnswer }> {
  const read = await previewFeed(url, policy);
  if (!read.ok) {
    const message = read.refused ? `We cannot read that address: ${read.reason}.` : `We could not read a feed there: ${read.reason}.`;
    return { answer: { kind: "invalid", errors: { url: message } } };
  }
  const duplicate = await unsafeFindDuplicateListing(db, read.preview.feedUrl, read.preview.siteUrl);
  if (duplicate) return { answer: { kind: "duplicate", listing: { slug: duplicate.slug, name: duplicate.name } } };
  return { preview: read.preview };
}

/** Step one: what we would list for this address. */
export async function previewSubmission(user: CurrentUser, input: { url?: unknown }, policy: FetchPolicy): Promise<PreviewAnswer> {
  const url = ZAddress.safeParse(input.url ?? "");
  if (!url.success) return { kind: "invalid", errors: { url: url.error.issues[0]!.message } };
  const limited = await hit(`preview:user:${user.id}`, PREVIEWS_PER_DAY);
  if (!limited.ok) return { kind: "invalid", errors: { url: "You have looked up many addresses today: try again tomorrow." }, retryAfterSeconds: limited.retryAfterSeconds };
  const read = await readSubmittedFeed(url.data, policy);
  if ("answer" in read) return read.answer;
  const { preview } = read;
  return {
    kind: "preview",
    url: url.data,
    name: preview.feed.title,
    siteUrl: preview.siteUrl,
    feedUrl: preview.feedUrl,
    description: preview.feed.description ?? "",
    language: preview.feed.language ?? "",
    posts: preview.entries.slice(0, 5).map((entry) => ({ title: entry.title, url: entry.url, publishedAt: entry.publishedAtKnown ? entry.publishedAt.toISOString() : null })),
  };
}

/** Step two: file it as pending. The feed is read again: what is listed is what the feed says now. */
export async function submitBlog(user: CurrentUser, input: Record<string, unknown>, policy: FetchPolicy): Promise<SubmitAnswer> {
  const parsed = ZSubmission.safeParse(input);
  if (!parsed.success) return { kind: "invalid", errors: firstErrors(parsed.error) };
  const category = await db.category.findUnique({ where: { slug: parsed.data.category }, select: { slug: true } });
  if (!category) return { kind: "invalid", errors: { category: "Choose a category from the list." } };
  const limited = await hit(`submit:user:${user.id}`, SUBMISSIONS_PER_DAY);
  if (!limited.ok) return { kind: "invalid", errors: { form: `You can submit ${SUBMISSIONS_PER_DAY.max} blogs a day: try again tomorrow.` }, retryAfterSeconds: limited.retryAfterSeconds };
  const read = await readSubmittedFeed(parsed.data.url, policy);
  if ("answer" in read) return read.answer as SubmitAnswer;
  const { preview } = read;
  const created = await createListing(db, {
    feedUrl: preview.feedUrl,
    siteUrl: preview.siteUrl,
    name: preview.feed.title,
    description: parsed.data.description || preview.feed.description,
    language: parsed.data.language.toLowerCase() || preview.feed.language,
    iconUrl: preview.iconUrl,
    categorySlugs: [category.slug],
    tagNames: parsed.data.tags,
    status: "PENDING",
    submittedById: user.id,
  });
  if (!created.created) return { kind: "duplicate", listing: { slug: created.duplicateOf.slug, name: created.duplicateOf.name } };
  // Signals for the moderators (never an automatic rejection).
  const assessment = await assessSubmission(preview.entries, preview.feedUrl);
  await db.blog.update({ where: { id: created.id }, data: {
      spamScore: assessment.score,
      spamSignals: assessment.signals,
      submissionPreview: preview.entries.slice(0, 5).map((entry) => ({ title: entry.title, url: entry.url, excerpt: entry.excerpt.slice(0, 300), publishedAt: entry.publishedAt.toISOString() })),
    },
  });
  return { kind: "submitted", slug: created.slug };
}

/** The listings a user submitted, newest first, with where each stands. */
export function getMySubmissions(user: CurrentUser) {
  return db.blog.findMany({
    where: { submittedById: user.id },
    select: { slug: true, name: true, status: true, createdAt: true, siteUrl: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}
