import { describe, expect, it } from "vitest";
import { isPublicDirectoryPage, pathOf, publicPageOf } from "./public-pages";

describe("the public directory's pages", () => {
  it("are the home, post, blog, category, tag and search pages only", () => {
    for (const path of ["/", "/?visit=1", "/search", "/search?q=a+b&page=2", "/posts/cmx0mh5hn003ymr7d80slbwjw", "/posts/cmx0mh5hn003ymr7d80slbwjw?utm_source=x", "/blogs/a", "/blogs/a?before=1_x", "/categories/food?after=0.5_x", "/tags/bread"]) expect(isPublicDirectoryPage(pathOf(path)), path).toBe(true);
    for (const path of ["/posts/a/image", "/pricing", "/blogs/a/rss.xml", "/blogs/a/claim", "/tags/a/b", "/searching", "/search/a"]) expect(isPublicDirectoryPage(pathOf(path)), path).toBe(false);
  });

  it("name their kind and their second segment as sent", () => {
    expect(publicPageOf("/")).toEqual({ kind: "home", segment: "" });
    expect(publicPageOf("/search")).toEqual({ kind: "search", segment: "" });
    expect(publicPageOf("/posts/p1")).toEqual({ kind: "posts", segment: "p1" });
    expect(publicPageOf("/blogs/caf%C3%A9")).toEqual({ kind: "blogs", segment: "caf%C3%A9" });
    expect(publicPageOf("/categories/food")).toEqual({ kind: "categories", segment: "food" });
    expect(publicPageOf("/tags/bread")).toEqual({ kind: "tags", segment: "bread" });
    expect(publicPageOf("/tags/")).toBeNull();
  });
});
