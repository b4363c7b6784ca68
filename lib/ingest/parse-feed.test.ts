import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rss } from "@/lib/testing/feed-server";
import { fixturesDir } from "@/lib/testing/shared-fixtures";
import fc from "fast-check";
import { decodeFeedBody } from "./decode";
import { parseFeedDate, parseLoose } from "./parse-date";
import { FeedParseError, languageCode, MAX_ENTRIES, parseFeedText } from "./parse-feed";
import { prepareEntries } from "./read-feed";

const FEED_URL = "https://blog.example/feed.xml";

describe("formats, detected from the body", () => {
  it("reads RSS 2.0, RSS 0.91, RSS 1.0 (RDF), Atom 1.0, Atom 0.3 and JSON Feed 1.0 and 1.1", () => {
    const documents: Array<[string, string, string]> = [
      ["RSS", rss([{ guid: "a", title: "RSS two", link: "https://blog.example/a" }]), "RSS two"],
      ["RSS", `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>Old</title><link>https://blog.example/</link><description>d</description><item><title>Point nine one</title><link>https://blog.example/091</link></item></channel></rss>`, "Point nine one"],
      ["RDF", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://blog.example/"><title>R</title><link>https://blog.example/</link><description>d</description></channel><item rdf:about="https://blog.example/rdf"><title>RDF item</title><link>https://blog.example/rdf</link></item></rdf:RDF>`, "RDF item"],
      ["ATOM", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2026-01-01T00:00:00Z</updated><entry><id>urn:e</id><title>Atom one</title><updated>2026-01-01T00:00:00Z</updated><link href="https://blog.example/e"/></entry></feed>`, "Atom one"],
      ["ATOM", `<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old atom</title><entry><id>urn:x</id><title>Atom zero three</title><issued>2004-01-01T00:00:00Z</issued><link rel="alternate" type="text/html" href="https://blog.example/x"/></entry></feed>`, "Atom zero three"],
      ["JSON", JSON.stringify({ version: "https://jsonfeed.org/version/1", title: "J", items: [{ id: "1", title: "JSON one", content_html: "<p>x</p>", url: "https://blog.example/j1" }] }), "JSON one"],
      ["JSON", JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "J", items: [{ id: "2", title: "JSON one-one", content_text: "plain", url: "https://blog.example/j2", authors: [{ name: "Ann" }] }] }), "JSON one-one"],
    ];
    for (const [format, text, title] of documents) {
      const feed = parseFeedText(text, FEED_URL);
      expect(feed.format, title).toBe(format);
      expect(feed.entries[0]?.title, format).toBe(title);
    }
  });

  it("ignores a misleading Content-Type: format comes from the body", () => {
    const { text } = decodeFeedBody(Buffer.from(rss([{ guid: "1", title: "T" }])), "text/html; charset=utf-8");
    expect(parseFeedText(text, FEED_URL).format).toBe("RSS");
  });

  it("answers a page that is not a feed with a clear error", () => {
    expect(() => parseFeedText("<html><body>Moved</body></html>", FEED_URL)).toThrow(new FeedParseError("this is not an RSS, Atom, RDF or JSON feed"));
  });
});

describe("encodings: BOM, then HTTP charset, then the XML declaration, then detection", () => {
  const title = "Crème brûlée à Zürich";
  const doc = (declared: string) => `<?xml version="1.0" encoding="${declared}"?><rss version="2.0"><channel><title>${title}</title><link>https://b.example/</link><description>d</description></channel></rss>`;
  it("honours a BOM over everything", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc("utf-16"), "utf16le")]);
    expect(decodeFeedBody(utf16, "text/xml; charset=iso-8859-1").text).toContain(title);
  });
  it("uses the HTTP charset over the XML declaration", () => {
    expect(decodeFeedBody(Buffer.from(doc("utf-8"), "latin1"), "application/rss+xml; charset=ISO-8859-1").text).toContain(title);
  });
  it("uses the XML declaration when HTTP says nothing", () => {
    expect(decodeFeedBody(Buffer.from(doc("windows-1252"), "latin1")).text).toContain(title);
  });
  it("detects Windows-1252 when nothing is declared and the bytes are not UTF-8", () => {
    const text = `<rss version="2.0"><channel><title>${title}</title></channel></rss>`;
    expect(decodeFeedBody(Buffer.from(text, "latin1")).encoding).toBe("windows-1252");
    expect(decodeFeedBody(Buffer.from(text, "utf8")).encoding).toBe("utf-8");
  });
});

describe("languages", () => {
  it("keeps a feed's language as a code, whatever the case or separator, and drops words that are not codes", () => {
    expect(languageCode("en_US")).toBe("en-us");
    expect(languageCode(" pt-BR ")).toBe("pt-br");
    expect(languageCode("DE")).toBe("de");
    for (const word of ["English", "en_US_POSIX_x", "x", "", undefined]) expect(languageCode(word)).toBeUndefined();
    const feed = parseFeedText(rss([{ guid: "1", title: "t" }]).replace("<channel>", "<channel><language>en_US</language>"), FEED_URL);
    expect(feed.language).toBe("en-us");
  });
});

describe("dates", () => {
  it("reads common layouts and falls back to first-seen time, keeping feed order", () => {
    const feed = parseFeedText(
      rss([
        { guid: "1", title: "rfc", pubDate: "Tue, 10 Jun 2025 04:00:00 GMT" },
        { guid: "2", title: "iso", pubDate: "2025-06-09T10:14:55+02:00" },
        { guid: "3", title: "named zone", pubDate: "Mon, 09 Jun 2025 15:04:05 PDT" },
        { guid: "4", title: "localised", pubDate: "Seg, 09 Jun 2025 10:00:00 -0300" },
        { guid: "5", title: "broken", pubDate: "yesterday-ish" },
        { guid: "6", title: "absent" },
      ]),
      FEED_URL,
    );
    const [rfc, iso, zone, localised, broken, absent] = feed.entries;
    expect(rfc!.publishedAt?.toISOString()).toBe("2025-06-10T04:00:00.000Z");
    expect(iso!.publishedAt?.toISOString()).toBe("2025-06-09T08:14:55.000Z");
    expect(zone!.publishedAt?.toISOString()).toBe("2025-06-09T22:04:05.000Z");
    expect(localised!.publishedAt?.toISOString()).toBe("2025-06-09T13:00:00.000Z");
    expect(broken!.publishedAt).toBeUndefined();
    expect(absent!.publishedAt).toBeUndefined();
    const now = Date.UTC(2026, 0, 1);
    const ready = prepareEntries(feed, now);
    expect(ready[4]!.publishedAt.getTime()).toBe(now - 4);
    expect(ready[5]!.publishedAt.getTime()).toBe(now - 5);
    expect(ready[4]!.publishedAtKnown).toBe(false);
  });

  it("reads the two common shapes the short way exactly as the long way does", () => {
    const now = Date.UTC(2026, 10, 28);
    const time = fc.integer({ min: Date.UTC(1985, 0, 1), max: now + 5 * 86_400_000 });
    const offset = fc.constantFrom("Z", "+02:00", "-05:30", "+00:00");
    fc.assert(
      fc.property(time, offset, fc.constantFrom("GMT", "+0000", "-0700", "+0530"), (t, iso, zone) => {
        const rfc = `${new Date(t).toUTCString().slice(0, -4)} ${zone}`;
        const isoText = new Date(t).toISOString().replace("Z", iso);
        for (const text of [new Date(t).toUTCString(), rfc, isoText, isoText.replace(/\.\d+/, "")]) {
          expect(parseFeedDate(text, now)?.getTime(), text).toBe(parseLoose(text, now)?.getTime());
        }
      }),
      { numRuns: 2_000 },
    );
    // Fields out of their range (a 31st of February, a 24th hour, a zone of +0099) as Date.parse reads them.
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
    const month = fc.constantFrom("Jan", "Feb", "Apr", "Dec");
    const zone = fc.constantFrom("GMT", "+0000", "-1200", "+1400", "+0099", "-2400", "+2359", "-0930");
    fc.assert(
      fc.property(two(39), month, fc.integer({ min: 1990, max: 2026 }), two(29), two(69), two(69), zone, (day, name, year, hours, minutes, seconds, offset) => {
        const text = `Sun, ${day} ${name} ${year} ${hours}:${minutes}:${seconds} ${offset}`;
        expect(parseFeedDate(text, now)?.getTime(), text).toBe(parseLoose(text, now)?.getTime());
      }),
      { numRuns: 3_000 },
    );
    // A weekday that disagrees with the date is ignored both ways.
    expect(parseFeedDate("Mon, 10 Jun 2025 04:00:00 GMT")?.toISOString()).toBe("2025-06-10T04:00:00.000Z");
  });
});

describe("identity per feed", () => {
  it("uses the guid, else the link, else a hash of title and content", () => {
    const feed = parseFeedText(
      rss([
        { guid: "guid-1", link: "https://blog.example/1", title: "a" },
        { link: "https://blog.example/2", title: "b" },
        { title: "c", description: "only text" },
      ]),
      FEED_URL,
    );
    expect(feed.entries.map((entry) => entry.identityKey)).toEqual(["guid-1", "https://blog.example/2", expect.stringMatching(/^hash:[0-9a-f]{64}$/)]);
    expect(feed.unreliableIds).toBe(true);
  });

  it("detects repeated guids and falls back for those entries, keeping every entry", () => {
    const feed = parseFeedText(
      rss([
        { guid: "same", link: "https://blog.example/1", title: "one" },
        { guid: "same", link: "https://blog.example/2", title: "two" },
        { guid: "unique", link: "https://blog.example/3", title: "three" },
      ]),
      FEED_URL,
    );
    expect(feed.entries.map((entry) => entry.identityKey)).toEqual(["https://blog.example/1", "https://blog.example/2", "unique"]);
    expect(feed.unreliableIds).toBe(true);
  });

  it(`takes at most ${MAX_ENTRIES} entries from one fetch`, () => {
    const items = Array.from({ length: MAX_ENTRIES + 50 }, (_, i) => ({ guid: String(i), title: `t${i}` }));
    expect(parseFeedText(rss(items), FEED_URL).entries).toHaveLength(MAX_ENTRIES);
  });
});

describe("the excerpt", () => {
  const body = `<p>${"The whole post, told at length and in order. ".repeat(12)}</p>`;
  const encoded = (description: string) =>
    rss([{ guid: "1", link: "https://blog.example/1", title: "t", description, extra: `<content:encoded><![CDATA[${body}]]></content:encoded>` }]).replace("<rss version", '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" version');

  it("comes from a summary the author wrote", () => {
    const [ready] = prepareEntries(parseFeedText(encoded("<p>A teaser in <em>other</em> words.</p>"), FEED_URL));
    expect(ready!.excerpt).toBe("A teaser in other words.");
    expect(ready!.contentHtml).toBe(body);
  });

  it("comes from the content when the summary is only its first part, cut mid-word", () => {
    const [ready] = prepareEntries(parseFeedText(encoded(body.slice(0, 101)), FEED_URL));
    expect(ready!.excerpt.startsWith("The whole post, told at length and in order. The whole post")).toBe(true);
    expect(ready!.excerpt.length).toBeGreaterThan(250);
    expect(ready!.excerpt.endsWith("…")).toBe(true);
  });
});

describe("relative URLs", () => {
  it("resolves against xml:base, then the entry link, then the feed URL, srcset included", () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example/root/"><title>t</title><id>x</id>
      <entry><id>1</id><title>with base</title><link href="posts/1"/><content type="html" xml:base="https://content.example/dir/">&lt;a href="rel.html"&gt;r&lt;/a&gt;&lt;img src="i.png" srcset="i.png 1x, i2.png 2x"&gt;</content></entry></feed>`;
    const feed = parseFeedText(atom, "https://feeds.example/atom.xml");
    expect(feed.entries[0]!.url).toBe("https://base.example/root/posts/1");
    const [ready] = prepareEntries(feed);
    expect(ready!.contentHtml).toContain('href="https://content.example/dir/rel.html"');
    expect(ready!.contentHtml).toContain('srcset="https://content.example/dir/i.png 1x, https://content.example/dir/i2.png 2x"');

    const plain = parseFeedText(rss([{ guid: "1", link: "/2026/post", title: "p", description: '<a href="other">o</a>' }]), "https://blog.example/feeds/main.xml");
    expect(plain.entries[0]!.url).toBe("https://blog.example/2026/post");
    expect(prepareEntries(plain)[0]!.contentHtml).toContain('href="https://blog.example/2026/other"');

    const noLink = parseFeedText(rss([{ guid: "1", title: "p", description: '<img src="img/a.png">' }]), "https://blog.example/feeds/main.xml");
    expect(prepareEntries(noLink)[0]!.contentHtml).toContain('src="https://blog.example/feeds/img/a.png"');
  });

  it("credits only an http(s) address: an entry or channel link of another scheme gives way to the next", () => {
    const hostile = rss([
      { guid: "1", link: "javascript:alert(document.cookie)", title: "script link", description: "d" },
      { guid: "2", link: "data:text/html,<script>alert(1)</script>", title: "data link", description: "d" },
    ], { link: "javascript:alert(2)" });
    // The channel's link too: the last resort is the feed's own site.
    expect(prepareEntries(parseFeedText(hostile, "https://feeds.example/main.xml")).map((entry) => entry.url)).toEqual(["https://feeds.example/", "https://feeds.example/"]);
  });
});

describe("bases and links", () => {
  const atom = (body: string, attrs = "") => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"${attrs}><title>t</title><id>x</id>${body}</feed>`;

  it("resolves against the Content-Location the server sent, when it is an http(s) address", () => {
    const text = rss([{ guid: "1", link: "/2026/post", title: "p" }]);
    expect(parseFeedText(text, "https://blog.example/feed", "https://mirror.example/feeds/").entries[0]!.url).toBe("https://mirror.example/2026/post");
    expect(parseFeedText(text, "https://blog.example/feed", "/other/feed.xml").baseUrl).toBe("https://blog.example/other/feed.xml");
    expect(parseFeedText(text, "https://blog.example/feed", "javascript:alert(1)").entries[0]!.url).toBe("https://blog.example/2026/post");
    // The title falls back to the address the feed was fetched from, not to the one it names.
    expect(parseFeedText(`<rss version="2.0"><channel></channel></rss>`, "https://blog.example/feed", "https://mirror.example/").title).toBe("blog.example");
  });

  it("ignores an xml:base that is not an http(s) address", () => {
    const feed = parseFeedText(atom(`<entry xml:base="javascript:alert(1)"><id>1</id><title>t</title><link href="p/1"/></entry>`, ' xml:base="https://base.example/"'), FEED_URL);
    expect(feed.entries[0]!.url).toBe("https://base.example/p/1");
    expect(feed.entries[0]!.bases.title).toBe("https://base.example/");
  });

  it("gives the base in effect at each text construct, inherited and reset element by element", () => {
    const feed = parseFeedText(
      atom(
        `<subtitle xml:base="sub/">s</subtitle><rights>r</rights>
         <entry xml:base="/entry/"><id>1</id><title xml:base="title/">t</title><summary>s</summary><content xml:base="https://other.example/">c</content></entry>`,
        ' xml:base="https://base.example/feed/"',
      ),
      FEED_URL,
    );
    expect(feed.bases).toEqual({ title: "https://base.example/feed/", subtitle: "https://base.example/feed/sub/", rights: "https://base.example/feed/" });
    expect(feed.entries[0]!.bases).toEqual({ title: "https://base.example/entry/title/", summary: "https://base.example/entry/", content: "https://other.example/" });
  });

  it("keeps every link an Atom entry names, in order, an empty href being the base itself", () => {
    const feed = parseFeedText(
      atom(`<link rel="self" href=""/><entry><id>1</id><title>t</title><link rel="license" href="https://licenses.example/by"/><link href="/p/1"/></entry>`, ' xml:base="https://base.example/feed"'),
      FEED_URL,
    );
    expect(feed.links).toEqual([{ rel: "self", type: "", href: "https://base.example/feed" }]);
    expect(feed.selfUrl).toBe("https://base.example/feed");
    expect(feed.entries[0]!.links!.map((link) => link.rel)).toEqual(["license", "alternate"]);
    expect(feed.entries[0]!.url).toBe("https://base.example/p/1");
  });

  it("reads CDF, RSS's forerunner: BASE, HREF attributes and ABSTRACT", () => {
    const cdf = `<CHANNEL BASE="https://base.example/" HREF="https://www.example/"><TITLE>c</TITLE><ABSTRACT>about</ABSTRACT>
      <ITEM HREF="/item/1"><TITLE>item</TITLE><ABSTRACT>item abstract</ABSTRACT></ITEM></CHANNEL>`;
    const feed = parseFeedText(cdf, FEED_URL);
    expect([feed.title, feed.siteUrl, feed.description]).toEqual(["c", "https://www.example/", "about"]);
    expect(feed.entries[0]).toMatchObject({ title: "item", url: "https://base.example/item/1", contentHtml: "item abstract", bases: { summary: "https://base.example/" } });
  });
});

describe("titles as plain text", () => {
  const title = (html: string) => parseFeedText(rss([{ guid: "1", title: html }]), FEED_URL).entries[0]!.title;

  it("drops tags, keeping a quoted '>' inside its tag and an image as its alternative text", () => {
    expect(title('<img src="cat.jpg" alt="cat<br />dog"> and <b>bold</b>')).toBe("cat<br />dog and bold");
    expect(title('<a href=http://example.com/">example</a>')).toBe("example");
    expect(title("<p>one</p><p>two</p>two<br>three")).toBe("one two two three");
    expect(title("x < y, <3 and a<b")).toBe("x < y, <3 and a<b");
  });

  it("takes dc:title where the title is missing or empty", () => {
    const feed = parseFeedText(
      `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title> </title><dc:title>Channel</dc:title><item><guid>1</guid><title/><dc:title>From DC</dc:title></item><item><guid>2</guid><dc:title>Only DC</dc:title></item></channel></rss>`,
      FEED_URL,
    );
    expect([feed.title, ...feed.entries.map((entry) => entry.title)]).toEqual(["Channel", "From DC", "Only DC"]);
  });

  it("reads a hostile title of 100,000 '<' in one pass (a regular expression took seconds)", () => {
    const started = performance.now();
    expect(title("<".repeat(100_000)).length).toBe(100_000);
    expect(title('<a href="'.repeat(30_000)).length).toBe(270_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("hostile XML (security.md 21)", () => {
  it("refuses a billion-laughs feed in well under a second", () => {
    const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("");
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${levels}]><rss version="2.0"><channel><title>&lol10;</title><item><title>&lol10;</title></item></channel></rss>`;
    const started = performance.now();
    expect(() => parseFeedText(bomb, FEED_URL)).toThrow(/declares XML entities/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses external entities and never reads the file they name", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title></item></channel></rss>`;
    expect(() => parseFeedText(xxe, FEED_URL)).toThrow(/declares XML entities/);
  });

  it("does not expand a huge run of character references into unbounded memory", () => {
    const text = rss([{ guid: "1", title: "&#65;".repeat(200_000) }]);
    const started = performance.now();
    const feed = parseFeedText(text, FEED_URL);
    expect(feed.entries[0]!.title.length).toBe(200_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("real-world feeds", () => {
  const dir = fixturesDir("real-world");
  const files = readdirSync(dir).filter((name) => name !== "LICENSE");
  it.each(files)("%s", (name) => {
    const { text } = decodeFeedBody(readFileSync(path.join(dir, name)));
    if (name === "unrecognized.rss") {
      // Not a feed at all: an HTML "Document Moved" page. The right answer is a clear error.
      expect(() => parseFeedText(text, `https://example.com/${name}`)).toThrow("this is not an RSS, Atom, RDF or JSON feed");
      return;
    }
    const feed = parseFeedText(text, `https://example.com/${name}`);
    const ready = prepareEntries(feed);
    expect(feed.title.length).toBeGreaterThan(0);
    for (const entry of ready) {
      expect(entry.identityKey.length).toBeGreaterThan(0);
      expect(entry.url).toMatch(/^https?:\/\//);
      expect(entry.contentHtml).not.toMatch(/<script|\son\w+=|javascript:/i);
    }
  });
});
