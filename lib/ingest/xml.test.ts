import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeXmlText, parseXml } from "./xml";

/** XML's five named references, decoded the plain way: one replace each, &amp; last. */
const reference = (text: string) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

describe("decodeXmlText", () => {
  const pieces = fc.constantFrom("&lt;", "&gt;", "&amp;", "&quot;", "&apos;", "&amp;lt;", "&", "&am", "&lt", "&;", "&nbsp;", ";", "a", "p", "<", ">", '"', " ", "\n", "é", "中", "😀", "l", "t", "amp;", "quot;");
  const text = (minLength: number) => fc.array(pieces, { minLength, maxLength: minLength * 2 }).map((chunks) => chunks.join(""));

  it("decodes a long post's named references as the plain passes do", () => {
    fc.assert(
      fc.property(text(400), (escaped) => {
        expect(escaped.length).toBeGreaterThanOrEqual(400);
        expect(decodeXmlText(escaped)).toBe(reference(escaped));
      }),
      { numRuns: 2_000 },
    );
  });

  it("decodes numeric references in a long text too", () => {
    fc.assert(
      fc.property(text(400), fc.constantFrom("&#60;", "&#x3E;", "&#0;", "&#128512;", "&#xD800;", "&#12a;", "&#;"), (escaped, numeric) => {
        const cut = Math.floor(escaped.length / 2);
        const withNumeric = escaped.slice(0, cut) + numeric + escaped.slice(cut);
        const expected = (numeric === "&#60;" ? "<" : numeric === "&#x3E;" ? ">" : numeric === "&#128512;" ? "😀" : numeric);
        expect(decodeXmlText(withNumeric)).toBe(reference(escaped.slice(0, cut)) + expected + reference(escaped.slice(cut)));
      }),
      { numRuns: 500 },
    );
  });

  it("decodes short texts the same way", () => {
    fc.assert(
      fc.property(text(1), (escaped) => {
        expect(decodeXmlText(escaped)).toBe(reference(escaped));
      }),
      { numRuns: 5_000 },
    );
  });

  it("reads each reference once, keeps characters beyond ASCII, and decodes numeric references", () => {
    expect(decodeXmlText("&amp;lt;p&amp;gt; é 中 😀 &lt;p&gt;".repeat(40))).toBe("&lt;p&gt; é 中 😀 <p>".repeat(40));
    expect(decodeXmlText("&#60;b&#x3E; &#0; &#xD800; &amp;#60;")).toBe("<b> &#0; &#xD800; &#60;");
    expect(decodeXmlText("&#60;&amp;".repeat(200))).toBe("<&".repeat(200));
    // A reference cut by the end of a long text stays as written, after a longer one was decoded.
    expect(decodeXmlText(`${"y".repeat(1100)}&lt;z`)).toBe(`${"y".repeat(1100)}<z`); // leaves "t;z" behind it in the bytes
    expect(decodeXmlText(`${"y".repeat(1100)}&lt`)).toBe(`${"y".repeat(1100)}&lt`);
    expect(decodeXmlText("&#60")).toBe("&#60");
    expect(decodeXmlText("&#1234567890;&#x10FFFF;")).toBe("&#1234567890;\u{10FFFF}"); // a ";" more than ten characters on is not read
  });

  it("stays linear on many bare \"&\" before one far \";\" (the search for the \";\" was once unbounded)", () => {
    const hostile = `&#38;${"& ".repeat(500_000)};`;
    const started = performance.now();
    expect(decodeXmlText(hostile)).toBe(`&${"& ".repeat(500_000)};`);
    expect(performance.now() - started).toBeLessThan(500); // 2.4 s before
  });
});

describe("parseXml", () => {
  it("gives an element's character data decoded, text and CDATA together, children's excluded", () => {
    const root = parseXml(`<r><a>x &amp; y<![CDATA[ <b>&amp;</b> ]]>z<c>inner</c> end</a></r>`);
    expect(root.children[0]!.text).toBe("x & y <b>&amp;</b> z end");
    expect(root.children[0]!.children[0]!.text).toBe("inner");
  });
});
