import { parse } from "parse5";
import { attr, type Element, elementsOf, textOf } from "@/lib/testing/parsed-html";
import { describe, expect, it } from "vitest";
import { ZSearchParams } from "@/lib/search/schemas";
import { htmlText } from "./html";
import { type SearchPageData, searchMain, searchMeta } from "./search-page";

const EVIL = `"><script>alert(1)</script><img src=x onerror="alert(2)">`;
const categories = [{ id: "c1", slug: "food", name: "Food", blogCount: 3, children: [{ id: "c2", slug: "bread", name: "Bread", blogCount: 1 }] }] as unknown as SearchPageData["categories"];

function page(raw: Record<string, string>, posts: SearchPageData["posts"]): Element[] {
  const parsed = ZSearchParams.safeParse(raw);
  const data = { raw, issues: parsed.success ? [] : parsed.error.issues, params: parsed.success ? parsed.data : null, categories, posts, blogs: [] } as SearchPageData;
  return elementsOf(parse(htmlText(searchMain(data))));
}

describe("the search page written as markup", () => {
  it("gives a hostile query back as text: in its field, its title and the empty state, whose category links carry it encoded", () => {
    const found = page({ q: EVIL, category: "bread", lang: "de" }, { hits: [], hasMore: false });
    expect(found.filter((element) => element.tagName === "script" || element.tagName === "img")).toEqual([]);
    expect(attr(found.find((element) => attr(element, "name") === "q")!, "value")).toBe(EVIL);
    expect(textOf(found.find((element) => element.tagName === "p" && textOf(element).startsWith("No posts match"))!)).toBe(`No posts match “${EVIL.trim()}” with these filters.`);
    expect(attr(found.find((element) => element.tagName === "a" && textOf(element) === "Food")!, "href")).toBe(`/search?q=${encodeURIComponent(EVIL.trim())}&category=food`);
    expect(searchMeta({ q: `  ${EVIL}  ` })).toEqual({ title: `Search: ${EVIL.slice(0, 60)}`, robots: "noindex" });
  });

  it("keeps the chosen filters chosen", () => {
    const found = page({ q: "x", category: "bread", lang: "de" }, { hits: [], hasMore: false });
    expect(found.filter((element) => element.tagName === "option" && attr(element, "selected") !== undefined).map((element) => attr(element, "value"))).toEqual(["bread", "de"]);
  });

  it("says what is wrong with a malformed query, field by field, and searches nothing", () => {
    const found = page({ q: "x", from: "2026-02-01", to: "2026-01-01", page: "99" }, null);
    const alert = found.find((element) => attr(element, "role") === "alert")!;
    expect(elementsOf(alert).filter((element) => element.tagName === "li").map(textOf).sort()).toEqual(["The end date must not be before the start date", "The page goes up to 50"]);
    expect(found.some((element) => attr(element, "aria-labelledby") === "post-hits")).toBe(false);
  });

  it("links the next and previous pages with the query as it was", () => {
    const hit = { id: "p1", title: "T", publishedAt: new Date("2026-01-01T00:00:00Z"), blogSlug: "b", blogName: "B", snippet: "s" };
    const found = page({ q: "bread rolls", lang: "en", page: "2" }, { hits: [hit], hasMore: true });
    const links = found.filter((element) => element.tagName === "a" && /page/.test(textOf(element))).map((element) => [textOf(element), attr(element, "href")]);
    expect(links).toEqual([
      ["← Previous page", "/search?q=bread+rolls&lang=en&page=1"],
      ["Next page →", "/search?q=bread+rolls&lang=en&page=3"],
    ]);
  });
});
