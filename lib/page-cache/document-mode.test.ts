import { describe, expect, it } from "vitest";
import { withoutClientRuntime } from "./document-mode";

// The shape of a post page as Next 16 renders it (trimmed): its runtime's files, preloads and inline
// scripts among the page's own head, JSON-LD and share script.
const N = 'nonce="k7QQ"';
const page = [
  "<!DOCTYPE html><html><head>",
  `<link rel="stylesheet" href="/_next/static/chunks/3tb6.css" ${N} data-precedence="next"/>`,
  `<link rel="preload" as="script" fetchPriority="low" ${N} href="/_next/static/chunks/310v.js"/>`,
  `<link rel="modulepreload" href="/_next/static/chunks/aa.js"/>`,
  `<script src="/_next/static/chunks/1qhk.js" async="" ${N}></script><script src="/_next/static/chunks/1cyn.js" async="" ${N}></script>`,
  '<title>A post</title><link rel="canonical" href="https://blog.example/p/1"/><link rel="preload" as="image" href="https://blog.example/i.jpg"/>',
  `<script src="/_next/static/chunks/0cz1.js" noModule="" ${N}></script></head><body>`,
  '<script type="application/ld+json">{"@type":"BlogPosting","headline":"A \\u003c post"}</script>',
  `<article><p>Text</p><section data-share-url="https://x/posts/1"><script ${N}>addEventListener("DOMContentLoaded", function () {})</script></section></article>`,
  `<script ${N} id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push([document.currentScript, 1])</script>`,
  `<script src="/_next/static/chunks/310v.js" ${N} async=""></script>`,
  `<script ${N}>(self.__next_f=self.__next_f||[]).push([0])</script><script ${N}>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n\\u003c/script\\u003e"])</script>`,
  "</body></html>",
].join("");

describe("post pages as documents", () => {
  it("leaves out Next's client runtime (files, preloads, RSC payload, chunk registry) and keeps everything else", () => {
    const out = withoutClientRuntime(page);
    expect(out).not.toMatch(/_next\/static\/chunks\/[^"]+\.js/);
    expect(out).not.toContain("__next_f");
    expect(out).not.toContain("TURBOPACK");
    for (const kept of [
      '<link rel="stylesheet" href="/_next/static/chunks/3tb6.css"',
      '<link rel="canonical" href="https://blog.example/p/1"/>',
      '<link rel="preload" as="image" href="https://blog.example/i.jpg"/>',
      '<script type="application/ld+json">',
      `<script ${N}>addEventListener("DOMContentLoaded"`,
      "<article><p>Text</p>",
    ]) {
      expect(out).toContain(kept);
    }
    expect(out.endsWith("</body></html>")).toBe(true);
  });

  it("gives a page without the runtime (the door's own document) back as it is", () => {
    const document = `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/3tb6.css" ${N}/></head><body><script ${N}>addEventListener("DOMContentLoaded", function () {})</script></body></html>`;
    expect(withoutClientRuntime(document)).toBe(document);
  });
});
