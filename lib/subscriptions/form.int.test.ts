import { parseFragment } from "parse5";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createListing } from "@/lib/testing/fixtures";
import { attr, elementsOf, textOf } from "@/lib/testing/parsed-html";
import { answerSubscribeForm } from "./form";

const SITE = "http://localhost:3000";

/** The subscribe form as a page posts it: from this site, as its script (JSON) or as a plain form. */
function post(page: string, fields: Record<string, string>, { json = true, origin = SITE } = {}) {
  return new Request(`${SITE}${page}/subscribe`, {
    method: "POST",
    headers: { origin, ...(json ? { accept: "application/json" } : {}) },
    body: new URLSearchParams(fields),
  });
}

/** The box's new content from a JSON answer, parsed as a browser would. */
async function boxOf(answer: Response) {
  expect(answer.status).toBe(200);
  const found = elementsOf(parseFragment(((await answer.json()) as { html: string }).html));
  const field = found.find((element) => attr(element, "name") === "email");
  return { text: found.map(textOf).join(" "), value: field && attr(field, "value"), invalid: field && attr(field, "aria-invalid") };
}

const rowsOf = (blogId: string, email: string) => db.emailSubscription.findMany({ where: { blogId, email }, select: { status: true } });

describe("the subscribe form's answers", () => {
  it("to the page's script: \"Almost done\" naming the address, which is recorded as pending", async () => {
    const blog = await createListing();
    const box = await boxOf(await answerSubscribeForm(post("/posts/p1", { blogId: blog.id, email: " Reader@Example.org " }), "/posts/p1"));
    expect(box.text).toContain("Almost done: your subscription for reader@example.org is recorded");
    expect(box.value).toBeUndefined();
    expect(await rowsOf(blog.id, "reader@example.org")).toEqual([{ status: "PENDING" }]);
  });

  it("to the page's script: a refused address back in its field with the reason, nothing recorded", async () => {
    const blog = await createListing();
    for (const [email, reason] of [
      ["not an address", "That e-mail address does not look right."],
      ["", "Enter your e-mail address."],
      [`${"a".repeat(250)}@example.org`, "That e-mail address is too long."],
    ] as const) {
      const box = await boxOf(await answerSubscribeForm(post(`/blogs/${blog.slug}`, { blogId: blog.id, email }), `/blogs/${blog.slug}`));
      expect(box, email).toMatchObject({ value: email, invalid: "true" });
      expect(box.text, email).toContain(reason);
    }
    expect(await db.emailSubscription.count({ where: { blogId: blog.id } })).toBe(0);
  });

  it("to the page's script: a blog that is not listed, or no blog at all, is said to be gone", async () => {
    const pending = await createListing({ status: "PENDING" });
    for (const blogId of [pending.id, "not-a-blog-id"]) {
      const box = await boxOf(await answerSubscribeForm(post("/posts/p1", { blogId, email: "a@example.org" }), "/posts/p1"));
      expect(box.text, blogId).toContain("This blog is not listed any more.");
    }
    expect(await db.emailSubscription.count({ where: { blogId: pending.id } })).toBe(0);
  });

  it("to a browser without script: a redirect back to the page that names the answer", async () => {
    const blog = await createListing();
    const page = `/blogs/${blog.slug}`;
    for (const [email, answer] of [
      ["plain@example.org", "pending"],
      ["nope", "invalid"],
      ["", "missing"],
    ] as const) {
      const response = await answerSubscribeForm(post(page, { blogId: blog.id, email }, { json: false }), page);
      expect([response.status, response.headers.get("location")], email).toEqual([303, `${page}?subscription=${answer}#subscribe`]);
    }
    expect(await rowsOf(blog.id, "plain@example.org")).toEqual([{ status: "PENDING" }]);
  });

  it("refuses a cross-site post and changes nothing (security.md 15); answers 404 for no page", async () => {
    const blog = await createListing();
    for (const json of [true, false]) {
      const refused = await answerSubscribeForm(post("/posts/p1", { blogId: blog.id, email: "victim@example.org" }, { json, origin: "https://evil.example" }), "/posts/p1");
      expect(refused.status).toBe(403);
    }
    expect(await db.emailSubscription.count({ where: { blogId: blog.id } })).toBe(0);
    expect((await answerSubscribeForm(post("/posts/x", { blogId: blog.id, email: "a@example.org" }), null)).status).toBe(404);
  });
});
