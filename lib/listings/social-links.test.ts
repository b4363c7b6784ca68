import { describe, expect, it } from "vitest";
import { socialLabel, socialLinksOf } from "./social-links";

describe("a Business Listing's social profiles", () => {
  it("are named after their network, or their host when it is not a known one", () => {
    expect(socialLabel("https://x.com/crumb")).toBe("X");
    expect(socialLabel("https://twitter.com/crumb")).toBe("X");
    expect(socialLabel("https://www.instagram.com/crumb/")).toBe("Instagram");
    expect(socialLabel("https://mastodon.social/@crumb")).toBe("Mastodon");
    expect(socialLabel("https://uk.linkedin.com/company/crumb")).toBe("LinkedIn");
    expect(socialLabel("https://crumb.bsky.social")).toBe("crumb.bsky.social");
    expect(socialLabel("https://notx.com/crumb")).toBe("notx.com");
  });

  it("are read back from storage as web addresses only, six at most", () => {
    expect(socialLinksOf(null)).toEqual([]);
    expect(socialLinksOf({ x: "https://x.com/a" })).toEqual([]);
    expect(socialLinksOf(["https://x.com/a", "javascript:alert(1)", 42, "ftp://a.example/", "https://b.example/"])).toEqual(["https://x.com/a", "https://b.example/"]);
    expect(socialLinksOf(Array.from({ length: 9 }, (_, n) => `https://s${n}.example/`))).toHaveLength(6);
  });
});
