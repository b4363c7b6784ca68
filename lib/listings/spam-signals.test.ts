import { describe, expect, it } from "vitest";
import { contentSignals, linkFacts } from "./spam-signals";

const entry = (contentHtml: string) => ({ contentHtml, excerpt: "" });

describe("spam signals", () => {
  it("names an empty feed and a thin one", () => {
    expect(contentSignals([]).map((signal) => signal.key)).toEqual(["no-posts"]);
    expect(contentSignals([entry("<p>Just one post with words.</p>")]).map((signal) => signal.key)).toEqual(["few-posts"]);
  });

  it("sees posts that are mostly outbound links, and affiliate links", () => {
    const linkFarm = '<p>Buy: <a href="https://amzn.to/x1">the best blender ever sold</a> <a href="https://shop.example/?ref=abc">another great deal</a></p>';
    const signals = contentSignals([entry(linkFarm), entry(linkFarm), entry(linkFarm), entry(linkFarm)]);
    expect(signals.map((signal) => signal.key)).toEqual(["outbound-links", "affiliate-links"]);
    expect(signals[1]!.detail).toBe("8 of 8 links are affiliate links.");
  });

  it("leaves an ordinary blog without signals", () => {
    const post = '<p>I baked bread today. The crumb was open and the crust crackled. <a href="https://example.com/recipe">Recipe</a>.</p>';
    expect(contentSignals([entry(post), entry(post), entry(post)])).toEqual([]);
    expect(linkFacts(post).linkTextShare).toBeLessThan(0.1);
  });
});
