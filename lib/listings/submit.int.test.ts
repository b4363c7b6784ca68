// Submitting a blog, on real PostgreSQL against a local feed server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { policyOf } from "@/lib/ingest/url-policy";
import { rss, startFeedServer, type FeedServer } from "@/lib/testing/feed-server";
import { createListing, createUser } from "@/lib/testing/fixtures";
import { getMySubmissions, previewSubmission, submitBlog, SUBMISSIONS_PER_DAY } from "./submit";

let server: FeedServer;
let policy: ReturnType<typeof policyOf>;
const asUser = async (): Promise<CurrentUser> => {
  const user = await createUser();
  return { id: user.id, email: user.email, name: user.name, role: "USER" };
};

beforeAll(async () => {
  for (const [slug, name] of [["food-drink", "Food & Drink"], ["technology", "Technology"]]) await db.category.upsert({ where: { slug: slug! }, create: { slug: slug!, name: name! }, update: {} });
  server = await startFeedServer();
  policy = policyOf([server.hostPort]);
  server.route("/", (_request, response) => {
    response.writeHead(200, { "content-type": "text/html" }).end(`<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Home</body></html>`);
  });
  server.serveFeed("/feed.xml", () =>
    rss(
      [
        { guid: "1", title: "Sourdough, week one", link: server.url("/1"), description: "<p>Flour and water.</p>" },
        { guid: "2", title: "Sourdough, week two", link: server.url("/2"), description: "<p>Patience.</p>" },
      ],
      { title: "The Patient Loaf", link: server.url("/") },
    ),
  );
  for (let i = 0; i < 8; i++) server.serveFeed(`/many-${i}.xml`, () => rss([{ guid: "1", title: `Post ${i}`, link: server.url(`/m${i}/1`) }], { title: `Blog number ${i}`, link: server.url(`/m${i}/`) }));
});
afterAll(() => server.close());

describe("previewing a submission", () => {
  it("discovers the feed from the site's address and shows its name and latest posts", async () => {
    const answer = await previewSubmission(await asUser(), { url: server.url("/") }, policy);
    expect(answer).toMatchObject({ kind: "preview", name: "The Patient Loaf", feedUrl: server.url("/feed.xml") });
    expect(answer.kind === "preview" && answer.posts.map((post) => post.title)).toEqual(["Sourdough, week one", "Sourdough, week two"]);
  });

  it("answers a bad or refused address next to the field, before any connection to a private address", async () => {
    const user = await asUser();
    expect(await previewSubmission(user, { url: "" }, policy)).toEqual({ kind: "invalid", errors: { url: "Enter your blog's address, or its feed's." } });
    expect(await previewSubmission(user, { url: "not a url at all" }, policy)).toMatchObject({ kind: "invalid", errors: { url: expect.stringContaining("web address") } });
    const refused = await previewSubmission(user, { url: "http://10.0.0.1/feed" }, policyOf([]));
    expect(refused).toMatchObject({ kind: "invalid", errors: { url: expect.stringMatching(/^We cannot read that address: .*private/) } });
  });

  it("reports a blog that is already listed instead of listing it twice", async () => {
    const existing = await createListing({ feedUrl: server.url("/feed.xml"), siteUrl: server.url("/"), name: "Already here" });
    expect(await previewSubmission(await asUser(), { url: server.url("/feed.xml") }, policy)).toEqual({ kind: "duplicate", listing: { slug: existing.slug, name: "Already here" } });
    await db.blog.delete({ where: { id: existing.id } });
  });
});

describe("submitting", () => {
  it("files the blog as pending with its category and tags; name and addresses come from the feed, not the form", async () => {
    const user = await asUser();
    const answer = await submitBlog(user, { url: server.url("/"), category: "food-drink", tags: "Bread, baking, bread", language: "en", description: "Slow bread.", name: "A name from the form" }, policy);
    expect(answer.kind).toBe("submitted");
    const listing = await db.blog.findUniqueOrThrow({
      where: { slug: answer.kind === "submitted" ? answer.slug : "" },
      select: { name: true, status: true, feedUrl: true, submittedById: true, description: true, language: true, categories: { select: { category: { select: { slug: true } } } }, tags: { select: { tag: { select: { slug: true } } } } },
    });
    expect(listing).toMatchObject({ name: "The Patient Loaf", status: "PENDING", feedUrl: server.url("/feed.xml"), submittedById: user.id, description: "Slow bread.", language: "en" });
    expect(listing.categories.map((row) => row.category.slug)).toEqual(["food-drink"]);
    expect(listing.tags.map((row) => row.tag.slug).sort()).toEqual(["baking", "bread"]);
    expect((await getMySubmissions(user)).map((row) => row.name)).toEqual(["The Patient Loaf"]);
    await db.blog.deleteMany({ where: { submittedById: user.id } });
  });

  it("scores the submission's spam signals and keeps what its feed held, for the moderators", async () => {
    const user = await asUser();
    // A blog whose posts copy another listed blog's, and are mostly links.
    const other = await createListing();
    await db.post.create({ data: { blogId: other.id, identityKey: "k", url: "https://other.example/p", title: "Ten tricks for a crisp sourdough crust", contentHash: "0".repeat(64), publishedAt: new Date() } });
    const links = '<p><a href="https://amzn.to/a">the best loaf pan on sale now</a> <a href="https://shop.example/?ref=me">another great deal today</a></p>';
    server.serveFeed("/copycat.xml", () =>
      rss(
        [
          { guid: "a", title: "Ten tricks for a crisp sourdough crust", link: server.url("/c/a"), description: links },
          { guid: "b", title: "Deals", link: server.url("/c/b"), description: links },
        ],
        { title: "Copy Cat Baking", link: server.url("/c/") },
      ),
    );
    const answer = await submitBlog(user, { url: server.url("/copycat.xml"), category: "food-drink", tags: "", language: "en" }, policy);
    expect(answer.kind).toBe("submitted");
    const listing = await db.blog.findUniqueOrThrow({ where: { slug: answer.kind === "submitted" ? answer.slug : "" }, select: { spamScore: true, spamSignals: true, submissionPreview: true } });
    expect((listing.spamSignals as Array<{ key: string }>).map((signal) => signal.key).sort()).toEqual(["affiliate-links", "duplicate-text", "few-posts", "outbound-links"]);
    expect(listing.spamScore).toBe(95);
    expect((listing.submissionPreview as Array<{ title: string }>).map((post) => post.title)).toEqual(["Ten tricks for a crisp sourdough crust", "Deals"]);
  });

  it("answers every bad field next to it", async () => {
    const answer = await submitBlog(await asUser(), { url: server.url("/"), category: "", tags: "a,b,c,d,e,f", language: "english please", description: "x".repeat(501) }, policy);
    expect(answer).toEqual({
      kind: "invalid",
      errors: {
        category: "Choose a category.",
        tags: "Up to five tags, separated by commas.",
        language: "Use a language code, such as en or pt-BR.",
        description: "Keep the description under 500 characters.",
      },
    });
    expect(await submitBlog(await asUser(), { url: server.url("/"), category: "no-such-category" }, policy)).toEqual({ kind: "invalid", errors: { category: "Choose a category from the list." } });
  });

  it(`takes ${SUBMISSIONS_PER_DAY.max} submissions a day from one user, then says when to come back`, async () => {
    const user = await asUser();
    const answers = [];
    for (let i = 0; i <= SUBMISSIONS_PER_DAY.max; i++) answers.push(await submitBlog(user, { url: server.url(`/many-${i}.xml`), category: "technology" }, policy));
    expect(answers.slice(0, SUBMISSIONS_PER_DAY.max).map((answer) => answer.kind)).toEqual(Array(SUBMISSIONS_PER_DAY.max).fill("submitted"));
    // The route answers this one with 429 and Retry-After (e2e/submit.spec.ts).
    expect(answers.at(-1)).toEqual({ kind: "invalid", errors: { form: `You can submit ${SUBMISSIONS_PER_DAY.max} blogs a day: try again tomorrow.` }, retryAfterSeconds: expect.any(Number) });
    expect((answers.at(-1) as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(86_000);
  });
});
