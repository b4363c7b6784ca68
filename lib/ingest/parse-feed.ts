// Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0, RDF and JSON Feed 1.0/1.1 into one shape. The format comes
// from the body, never the Content-Type. XML goes through our own reader (./xml.ts, chosen for speed:
// docs/decisions/006); JSON Feed through feedsmith. DTDs that declare entities are refused before
// parsing (billion laughs, external entities); the reader itself never expands or fetches them.
// URLs are resolved against xml:base on every element (inherited down the tree), then the entry
// link, then the feed's own URL.
import { createHash } from "node:crypto";
import { decodeHTML } from "entities";
import { parseFeed as parseAnyFeed } from "feedsmith";
import { parseFeedDate } from "./parse-date";
import { attribute, NS, parseXml, XmlSyntaxError, type XmlElement } from "./xml";
import { escapeHtml } from "@/lib/html";

export type FeedFormatName = "RSS" | "ATOM" | "RDF" | "JSON";

export type ParsedEntry = {
  identityKey: string;
  url: string;
  title: string;
  authors: string[];
  publishedAt?: Date;
  updatedAt?: Date;
  contentHtml: string;
  summaryHtml: string;
  /** Base URL for the entry's HTML (xml:base, else the entry link, else the feed URL). */
  baseUrl: string;
  /** The base URL in effect at each text construct the entry has (xml:base, inherited); none where it has none. */
  bases: TextBases<"title" | "summary" | "content">;
  /** Every link an Atom entry names, in document order (RSS and JSON entries: only `url`). */
  links?: Link[];
  imageUrl?: string;
};

export type TextBases<Name extends string> = Partial<Record<Name, string>>;

export type ParsedFeed = {
  format: FeedFormatName;
  /** The feed's base URL: its xml:base resolved against the address it was fetched from. */
  baseUrl: string;
  /** The base URL in effect at each text construct the feed has (xml:base, inherited); none where it has none. */
  bases: TextBases<"title" | "subtitle" | "rights" | "info">;
  /** Every link the feed names in Atom's way, in document order. */
  links: Link[];
  title: string;
  siteUrl?: string;
  selfUrl?: string;
  hubUrl?: string;
  description?: string;
  language?: string;
  iconUrl?: string;
  ttlMinutes?: number;
  /** The feed's own author(s); entries that name nobody are credited to them. */
  authors: string[];
  entries: ParsedEntry[];
  /** True when the feed's own ids were missing or repeated, so identity fell back to links/hashes. */
  unreliableIds: boolean;
};

export class FeedParseError extends Error {}

/** Entries taken from one fetch at most; a feed of thousands is an archive, not news. */
export const MAX_ENTRIES = 300;

const NOT_A_FEED = "this is not an RSS, Atom, RDF or JSON feed";

/** Tags that break a line or a block: they stand as a space, so "<p>a</p><p>b</p>" reads "a b". */
const BREAKING_TAG = /^<\/?(?:br|p|div|li|h[1-6]|tr|td|th|blockquote|hr|dt|dd)\b/i;
const IMG_ALT = /^<img\b(?:[^>"']|"[^"]*"|'[^']*')*?\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/**
 * Markup dropped from text in one pass, as an HTML tokenizer reads it: "<" opens a tag only before a
 * letter, "/", "!" or "?"; a tag runs to the first ">" outside a quoted value (alt="a<br />b" stays
 * inside; the stray quote of href=x" does not open one). An image stands as its alternative text,
 * as a text browser shows it, and a line or block break as a space. A tag that never closes is kept
 * as text with all after it. One pass, never a retry from each "<": a regular expression took
 * seconds on a hostile title of 100,000 "<".
 */
function stripTags(value: string): string {
  let out = "";
  let from = 0;
  let i = value.indexOf("<");
  while (i >= 0 && i + 1 < value.length) {
    const next = value.charCodeAt(i + 1) | 0x20;
    if (!((next >= 0x61 && next <= 0x7a) || next === 0x2f || next === 0x21 || next === 0x3f)) {
      i = value.indexOf("<", i + 1);
      continue;
    }
    let j = i + 1;
    let quote = 0;
    let previous = 0; // the last character before this one that is not white space
    for (; j < value.length; j++) {
      const c = value.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if ((c === 0x22 || c === 0x27) && previous === 0x3d) quote = c; // a quote opens a value only after "="
      else if (c === 0x3e) break;
      if (c > 0x20) previous = c;
    }
    if (j === value.length) break; // never closed: the rest is text
    const tag = value.slice(i, j + 1);
    const alt = next === 0x69 ? IMG_ALT.exec(tag) : null;
    out += value.slice(from, i) + (alt ? ` ${alt[1] ?? alt[2] ?? alt[3]} ` : BREAKING_TAG.test(tag) ? " " : "");
    from = j + 1;
    i = value.indexOf("<", from);
  }
  return from === 0 ? value : out + value.slice(from);
}

/** Plain text of a possibly-HTML string (titles, author names): tags dropped, every HTML entity decoded. */
export function toPlainText(value: string | undefined): string {
  if (!value) return "";
  const text = value.indexOf("<") >= 0 ? stripTags(value) : value;
  return collapse(text.indexOf("&") >= 0 ? decodeHTML(text) : text);
}

/** White space that collapse() would change: runs, anything but a plain space, or at either end. */
const UNCOLLAPSED = /\s\s|[^\S ]|^\s|\s$/;
const collapse = (text: string) => (UNCOLLAPSED.test(text) ? text.replace(/\s+/g, " ").trim() : text);

function resolve(url: string | undefined, base: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

/** A feed's language as a code ("en_US" → "en-us"); words such as "English" are not codes and go. */
export function languageCode(raw: string | undefined): string | undefined {
  const code = raw?.trim().toLowerCase().replace(/_/g, "-");
  return code && /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(code) ? code : undefined;
}

function refuseDangerousXml(text: string) {
  const head = text.slice(0, 4096);
  const doctype = head.match(/<!DOCTYPE[\s\S]*?(\[[\s\S]*?\])?\s*>/i);
  if (doctype && /<!ENTITY/i.test(text.slice(0, 65_536))) {
    throw new FeedParseError("the feed declares XML entities, which we refuse (entity expansion and external entities are attack vectors)");
  }
}

/** "Name (email)", "email (Name)" and plain names all become the name; a bare address stays. */
function personName(raw: string): string {
  const text = toPlainText(raw);
  const withEmail = text.match(/^(.*?)\s*\(([^()]*)\)$/);
  if (withEmail) {
    const [, outside, inside] = withEmail;
    if (/@/.test(outside!) && inside) return inside.trim();
    if (/@/.test(inside!) && outside) return outside.trim();
  }
  return text;
}

function uniqueNames(names: Array<string | undefined>): string[] {
  return [...new Set(names.map((name) => (name ? personName(name) : "")).filter(Boolean))];
}

export type Link = { rel: string; type: string; href: string };

/** Where authors are named: local names and their namespace (undefined: the format's own). */
type AuthorSources = ReadonlyArray<readonly [readonly string[], string | undefined]>;
const RSS_CHANNEL_AUTHORS: AuthorSources = [[["managingeditor", "author"], undefined], [["creator", "author"], NS.dc], [["author"], NS.atom]];
const RSS_ITEM_AUTHORS: AuthorSources = [[["author"], undefined], [["creator", "author"], NS.dc], [["author"], NS.atom]];
const ATOM_AUTHORS: AuthorSources = [[["author"], undefined], [["creator"], NS.dc]];

/** The alternate (HTML) link, else the first link without rel; or the first link of another rel. */
function pickLink(links: Link[], rel = "alternate"): string | undefined {
  if (rel !== "alternate") return links.find((link) => link.rel === rel)?.href;
  const alternate = links.find((link) => link.rel === "alternate" && (!link.type || /html/i.test(link.type)));
  return (alternate ?? links.find((link) => link.rel === "alternate"))?.href;
}

type RawEntry = Omit<ParsedEntry, "identityKey"> & { id?: string };

type FeedHead = Omit<ParsedFeed, "format" | "entries" | "unreliableIds" | "title"> & { title: string };

const RSS_CORE: ReadonlySet<string> = new Set(["", NS.rss090, NS.rss10, NS.rss20]);
const ATOM_CORE: ReadonlySet<string> = new Set([NS.atom, NS.atom03]);

/** Reads the feed formats written in XML from the element tree of ./xml.ts. */
class XmlFeedReader {
  constructor(
    private readonly source: string,
    /** Namespaces whose elements are the format's own (RSS's none, Atom's two). */
    private readonly core: ReadonlySet<string>,
  ) {}

  /** Whether `element` is named `local` in namespace `ns` (none: one of the format's own). */
  private is(element: XmlElement, local: string, ns: string | undefined): boolean {
    return element.local === local && (ns === undefined ? this.core.has(element.ns) : element.ns === ns);
  }

  children(element: XmlElement, local: string, ns?: string): XmlElement[] {
    return element.children.filter((child) => this.is(child, local, ns));
  }

  child(element: XmlElement, local: string, ns?: string): XmlElement | undefined {
    return element.children.find((child) => this.is(child, local, ns));
  }

  /** The last such child: a date given twice (a malformed feed) counts by its last value, as feedparser reads it. */
  lastChild(element: XmlElement, local: string, ns?: string): XmlElement | undefined {
    return element.children.findLast((child) => this.is(child, local, ns));
  }

  /** The element's content: its character data, or its markup kept raw when it holds elements. */
  value(element: XmlElement | undefined): string {
    if (!element) return "";
    if (element.children.length === 0) return element.text;
    return this.source.slice(element.innerStart, element.innerEnd);
  }

  text(element: XmlElement | undefined): string | undefined {
    return this.value(element).trim() || undefined;
  }

  /** The element, if it says something (an empty <title/> gives way to the next candidate). */
  withText(element: XmlElement | undefined): XmlElement | undefined {
    return this.text(element) === undefined ? undefined : element;
  }

  /**
   * The base URL in effect inside `element`, given its parent's: its xml:base (or `written`, CDF's
   * BASE) resolved against the parent's. A base that is not an http(s) address (javascript:, data:)
   * is ignored, as a malformed one is.
   */
  static base(element: XmlElement | undefined, parentBase: string, written = element?.attrs["xml:base"]): string {
    if (written === undefined) return parentBase;
    const resolved = resolve(written.trim(), parentBase);
    return resolved && /^https?:/.test(resolved) ? resolved : parentBase;
  }

  /** The base in effect at an element that may be missing (then none). */
  static baseAt(element: XmlElement | undefined, parentBase: string): string | undefined {
    return element && XmlFeedReader.base(element, parentBase);
  }

  /** Atom-style links (also atom:link inside RSS), hrefs resolved against each link's own base. */
  links(element: XmlElement, base: string, ns?: string): Link[] {
    return this.children(element, "link", ns).flatMap((link) => {
      // Atom 0.3 feeds sometimes put the address in the element instead of href. An empty href is
      // the base itself, as an empty reference is (RFC 3986, 5.2.2).
      const linkBase = XmlFeedReader.base(link, base);
      const written = (link.attrs.href ?? link.text).trim();
      const href = written ? resolve(written, linkBase) : link.attrs.href !== undefined ? linkBase : undefined;
      return href ? [{ rel: (link.attrs.rel ?? "alternate").trim().toLowerCase(), type: link.attrs.type ?? "", href }] : [];
    });
  }

  /**
   * An Atom text construct (title, subtitle, summary, content) as HTML: type text is escaped, html
   * taken as written, xhtml (and Atom 0.3 mode="xml") read as the markup inside its div; base64
   * (Atom 0.3 mode="base64", or a non-text media type) decoded first.
   */
  atomHtml(element: XmlElement | undefined): string {
    const read = this.atomBody(element);
    if (!read) return "";
    return read.isHtml ? read.body.trim() : read.body.trim() ? `<p>${escapeHtml(read.body.trim())}</p>` : "";
  }

  /** An Atom text construct as plain text (titles). */
  atomPlain(element: XmlElement | undefined): string {
    const read = this.atomBody(element);
    if (!read) return "";
    return read.isHtml ? toPlainText(read.body) : collapse(read.body);
  }

  private atomBody(element: XmlElement | undefined): { body: string; isHtml: boolean } | undefined {
    if (!element) return undefined;
    const type = element.attrs.type?.trim().toLowerCase() || "text";
    const mode = element.attrs.mode?.trim().toLowerCase();
    if (type === "xhtml" || type === "application/xhtml+xml" || mode === "xml") {
      const div = element.children.length === 1 && element.children[0]!.local === "div" ? element.children[0]! : undefined;
      return { body: div ? this.source.slice(div.innerStart, div.innerEnd) : this.value(element), isHtml: true };
    }
    let body = this.value(element);
    const textual = type === "text" || type === "html" || type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("/xml");
    if (mode === "base64" || !textual) body = Buffer.from(body.trim(), "base64").toString("utf8");
    const isHtml = type === "html" || type === "text/html" || (type !== "text" && type !== "text/plain" && /<[a-z!/]/i.test(body));
    return { body, isHtml };
  }

  /** A lead image named by Media RSS (thumbnail, image content, also in groups) or an image enclosure. */
  mediaImage(item: XmlElement, base: string): string | undefined {
    const groups = [item, ...this.children(item, "group", NS.media)];
    for (const group of groups) {
      const thumbnail = this.child(group, "thumbnail", NS.media)?.attrs.url;
      if (thumbnail) return resolve(thumbnail.trim(), base);
    }
    for (const group of groups) {
      const image = this.children(group, "content", NS.media).find((c) => /^image\//i.test(c.attrs.type ?? "") || c.attrs.medium === "image");
      if (image?.attrs.url) return resolve(image.attrs.url.trim(), base);
    }
    const enclosure = this.children(item, "enclosure").find((e) => /^image\//i.test(e.attrs.type ?? ""));
    return resolve(enclosure?.attrs.url?.trim(), base);
  }

  /**
   * The distinct names in an element's author elements (RSS text, or Atom person constructs) and
   * dc:creator, in the order of `sources`: each a list of local names and a namespace (none: the
   * format's own). One walk per name, with no arrays between (it ran for every entry).
   */
  authors(element: XmlElement, sources: AuthorSources): string[] {
    const names: string[] = [];
    for (const [localNames, ns] of sources) {
      for (const local of localNames) {
        for (const person of element.children) {
          if (!this.is(person, local, ns)) continue;
          const raw = person.children.length ? (this.text(this.child(person, "name", person.ns)) ?? this.text(this.child(person, "email", person.ns))) : this.text(person);
          const name = raw ? personName(raw) : "";
          if (name && !names.includes(name)) names.push(name);
        }
      }
    }
    return names;
  }

  readRss(root: XmlElement, feedUrl: string): { head: FeedHead; entries: RawEntry[] } {
    // A CDF channel (RSS's forerunner, its own root) names its base in a BASE attribute.
    const rootBase = XmlFeedReader.base(root, feedUrl, root.attrs["xml:base"] ?? (root.local === "channel" ? root.attrs.BASE : undefined));
    const channel = this.child(root, "channel") ?? root;
    const feedBase = XmlFeedReader.base(channel, rootBase);
    const atomLinks = this.links(channel, feedBase, NS.atom);
    const dc = (local: string) => this.text(this.child(channel, local, NS.dc));
    const authors = this.authors(channel, RSS_CHANNEL_AUTHORS);
    const ttl = Number(this.text(this.child(channel, "ttl")));
    const link = this.child(channel, "link");
    const title = this.withText(this.child(channel, "title")) ?? this.child(channel, "title", NS.dc);
    // CDF, RSS's forerunner, says description as <abstract> and its link as an HREF attribute.
    const description = this.child(channel, "description") ?? this.child(channel, "abstract");
    const siteLink = resolve(this.text(link), XmlFeedReader.base(link, feedBase)) ?? resolve(channel.attrs.HREF?.trim(), feedBase);
    const head: FeedHead = {
      baseUrl: feedBase,
      bases: {
        title: XmlFeedReader.baseAt(title, feedBase),
        subtitle: XmlFeedReader.baseAt(description, feedBase),
        rights: XmlFeedReader.baseAt(this.child(channel, "copyright") ?? this.child(channel, "rights", NS.dc), feedBase),
      },
      links: siteLink ? [{ rel: "alternate", type: "", href: siteLink }, ...atomLinks] : atomLinks,
      title: toPlainText(this.text(title)),
      siteUrl: siteLink ?? pickLink(atomLinks),
      selfUrl: pickLink(atomLinks, "self"),
      hubUrl: pickLink(atomLinks, "hub"),
      description: toPlainText(this.text(description)) || undefined,
      language: this.text(this.child(channel, "language")) ?? dc("language"),
      iconUrl: resolve(this.text(this.child(this.child(channel, "image") ?? this.child(root, "image") ?? channel, "url")), feedBase),
      ttlMinutes: Number.isInteger(ttl) && ttl > 0 ? ttl : undefined,
      authors,
    };
    // RSS 1.0 and 0.90 put items beside the channel; everyone else inside it.
    const items = channel === root ? this.children(root, "item") : [...this.children(channel, "item"), ...this.children(root, "item")];
    return { head, entries: items.slice(0, MAX_ENTRIES).map((item) => this.readRssItem(item, feedBase)) };
  }

  readRssItem(item: XmlElement, feedBase: string): RawEntry {
    const base = XmlFeedReader.base(item, feedBase);
    const guidElement = this.child(item, "guid");
    const guid = this.text(guidElement);
    const id = guid ?? attribute(item, NS.rdf, "about")?.trim();
    const linkElement = this.child(item, "link");
    const permalink = guid && guidElement!.attrs.ispermalink !== "false" && guidElement!.attrs.isPermaLink !== "false" && /^https?:\/\//i.test(guid) ? guid : undefined;
    const url =
      resolve(this.text(linkElement), XmlFeedReader.base(linkElement, base)) ??
      resolve(permalink, base) ??
      resolve(item.attrs.HREF?.trim(), base) ??
      pickLink(this.links(item, base, NS.atom)) ??
      "";
    const dc = (local: string, ns: string = NS.dc) => this.text(this.child(item, local, ns));
    const encodedElement = this.child(item, "encoded", NS.content) ?? this.child(item, "body", NS.xhtml);
    const encoded = this.value(encodedElement).trim();
    const descriptionElement = this.child(item, "description") ?? this.child(item, "abstract");
    const description = this.value(descriptionElement).trim();
    const titleElement = this.withText(this.child(item, "title")) ?? this.child(item, "title", NS.dc);
    const contentElement = encoded ? encodedElement : undefined;
    const explicitBase = contentElement?.attrs["xml:base"] !== undefined || item.attrs["xml:base"] !== undefined;
    const contentBase = XmlFeedReader.base(contentElement, base);
    return {
      id,
      url,
      title: toPlainText(this.text(titleElement)),
      authors: this.authors(item, RSS_ITEM_AUTHORS),
      publishedAt: parseFeedDate(
        this.text(this.lastChild(item, "pubdate")) ?? dc("date") ?? dc("issued", NS.dcterms) ?? dc("created", NS.dcterms) ?? dc("date", NS.dcterms) ?? dc("published", NS.atom),
      ),
      updatedAt: parseFeedDate(dc("modified", NS.dcterms) ?? dc("updated", NS.atom)),
      contentHtml: encoded || description,
      summaryHtml: encoded ? description : "",
      baseUrl: explicitBase ? contentBase : url || contentBase,
      bases: { title: XmlFeedReader.baseAt(titleElement, base), summary: XmlFeedReader.baseAt(descriptionElement, base), content: XmlFeedReader.baseAt(encodedElement, base) },
      imageUrl: this.mediaImage(item, base),
    };
  }

  readAtom(root: XmlElement, feedUrl: string): { head: FeedHead; entries: RawEntry[] } {
    const feedBase = XmlFeedReader.base(root, feedUrl);
    const links = this.links(root, feedBase);
    const authors = this.authors(root, ATOM_AUTHORS);
    const title = this.child(root, "title");
    const subtitle = this.child(root, "subtitle") ?? this.child(root, "tagline");
    const head: FeedHead = {
      baseUrl: feedBase,
      bases: {
        title: XmlFeedReader.baseAt(title, feedBase),
        subtitle: XmlFeedReader.baseAt(subtitle, feedBase),
        rights: XmlFeedReader.baseAt(this.child(root, "rights") ?? this.child(root, "copyright"), feedBase),
        info: XmlFeedReader.baseAt(this.child(root, "info"), feedBase),
      },
      links,
      title: this.atomPlain(title),
      siteUrl: pickLink(links),
      selfUrl: pickLink(links, "self"),
      hubUrl: pickLink(links, "hub"),
      description: this.atomPlain(subtitle) || undefined,
      language: root.attrs["xml:lang"]?.trim() || undefined,
      iconUrl: resolve(this.text(this.child(root, "icon")) ?? this.text(this.child(root, "logo")), feedBase),
      authors,
    };
    const entries = this.children(root, "entry").slice(0, MAX_ENTRIES);
    return { head, entries: entries.map((entry) => this.readAtomEntry(entry, feedBase)) };
  }

  readAtomEntry(entry: XmlElement, feedBase: string): RawEntry {
    const base = XmlFeedReader.base(entry, feedBase);
    const links = this.links(entry, base);
    const url = pickLink(links) ?? "";
    // The first of these elements that has a date, looked for in turn (not all read, then the first kept).
    const date = (...names: string[]) => {
      for (const name of names) {
        const text = this.text(this.lastChild(entry, name));
        if (text) return text;
      }
      return undefined;
    };
    const contentElement = this.child(entry, "content");
    const summaryElement = this.child(entry, "summary");
    const content = contentElement?.attrs.src ? "" : this.atomHtml(contentElement);
    const summary = this.atomHtml(summaryElement);
    const explicitBase = contentElement?.attrs["xml:base"] !== undefined || entry.attrs["xml:base"] !== undefined;
    const contentBase = XmlFeedReader.base(content ? contentElement : summaryElement, base);
    const titleElement = this.child(entry, "title");
    return {
      id: this.text(this.child(entry, "id")),
      url,
      title: this.atomPlain(titleElement),
      authors: this.authors(entry, ATOM_AUTHORS),
      publishedAt: parseFeedDate(date("published", "issued", "created", "updated", "modified")),
      updatedAt: parseFeedDate(date("updated", "modified")),
      contentHtml: content || summary,
      summaryHtml: summary,
      baseUrl: explicitBase ? contentBase : url || contentBase,
      bases: { title: XmlFeedReader.baseAt(titleElement, base), summary: XmlFeedReader.baseAt(summaryElement, base), content: XmlFeedReader.baseAt(contentElement, base) },
      links,
      imageUrl: this.mediaImage(entry, base),
    };
  }
}

function readXmlFeed(text: string, feedUrl: string): { format: FeedFormatName; head: FeedHead; entries: RawEntry[] } {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new FeedParseError(/no elements/.test(error.message) ? NOT_A_FEED : `the feed could not be parsed: ${error.message}`);
    throw error;
  }
  if (root.local === "feed") {
    // Atom 0.3 drafts circulated under other namespaces; a <feed> is read as Atom whatever its namespace.
    return { format: "ATOM", ...new XmlFeedReader(text, new Set([...ATOM_CORE, root.ns])).readAtom(root, feedUrl) };
  }
  if (root.local === "rss" || (root.local === "channel" && RSS_CORE.has(root.ns))) {
    const core = new Set([...RSS_CORE, root.ns]);
    return { format: "RSS", ...new XmlFeedReader(text, core).readRss(root, feedUrl) };
  }
  if (root.local === "rdf" && root.ns === NS.rdf) return { format: "RDF", ...new XmlFeedReader(text, RSS_CORE).readRss(root, feedUrl) };
  throw new FeedParseError(NOT_A_FEED);
}

// JSON Feed, read from feedsmith's result through these loose shapes.
type Loose = Record<string, unknown>;
const obj = (value: unknown): Loose => (value && typeof value === "object" ? (value as Loose) : {});
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const str = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value.trim() : undefined);
const jsonNames = (values: unknown[]) => uniqueNames(values.map((value) => (typeof value === "string" ? value : str(obj(value).name))));

function readJsonFeed(text: string, feedUrl: string): { format: FeedFormatName; head: FeedHead; entries: RawEntry[] } {
  let feed: Loose;
  try {
    const result = parseAnyFeed(text) as { format: string; feed: unknown };
    if (result.format !== "json") throw new Error("unrecognized");
    feed = obj(result.feed);
  } catch (error) {
    const message = (error as Error).message || "unrecognised";
    throw new FeedParseError(/unrecognized|invalid feed format/i.test(message) ? NOT_A_FEED : `the feed could not be parsed: ${message}`);
  }
  const hub = arr(feed.hubs).map(obj).find((candidate) => /websub|pubsubhubbub/i.test(String(candidate.type ?? ""))) ?? obj(arr(feed.hubs)[0]);
  const head: FeedHead = {
    baseUrl: feedUrl,
    bases: {},
    links: [],
    title: toPlainText(str(feed.title)),
    siteUrl: resolve(str(feed.home_page_url), feedUrl),
    selfUrl: resolve(str(feed.feed_url), feedUrl),
    hubUrl: resolve(str(hub.url), feedUrl),
    description: toPlainText(str(feed.description)) || undefined,
    language: str(feed.language),
    iconUrl: resolve(str(feed.favicon) ?? str(feed.icon), feedUrl),
    authors: jsonNames([...arr(feed.authors), ...arr(feed.author)]),
  };
  const entries = arr(feed.items)
    .slice(0, MAX_ENTRIES)
    .map((value): RawEntry => {
      const entry = obj(value);
      const url = resolve(str(entry.url) ?? str(entry.external_url), feedUrl) ?? "";
      const textContent = str(entry.content_text);
      const summary = str(entry.summary) ? `<p>${escapeHtml(String(entry.summary))}</p>` : "";
      const content = str(entry.content_html) ?? (textContent ? `<p>${escapeHtml(textContent).replace(/\n{2,}/g, "</p><p>")}</p>` : "");
      return {
        id: str(entry.id) ?? (typeof entry.id === "number" ? String(entry.id) : undefined),
        url,
        title: toPlainText(str(entry.title)),
        authors: jsonNames([...arr(entry.authors), ...arr(entry.author)]),
        publishedAt: parseFeedDate(entry.date_published),
        updatedAt: parseFeedDate(entry.date_modified),
        contentHtml: content || summary,
        summaryHtml: summary,
        baseUrl: url || feedUrl,
        bases: {},
        imageUrl: resolve(str(entry.image) ?? str(entry.banner_image), feedUrl),
      };
    });
  return { format: "JSON", head, entries };
}

const hashOf = (text: string) => createHash("sha256").update(text).digest("hex");

/** Identity per feed: guid, else link, else a hash of title and content; repeated ids fall back too. */
function assignIdentities(entries: RawEntry[]): { entries: ParsedEntry[]; unreliableIds: boolean } {
  const idCounts = new Map<string, number>();
  for (const entry of entries) if (entry.id) idCounts.set(entry.id, (idCounts.get(entry.id) ?? 0) + 1);
  const repeated = [...idCounts.values()].some((count) => count > 1);
  const missing = entries.some((entry) => !entry.id);
  const seen = new Set<string>();
  const out: ParsedEntry[] = [];
  for (const { id, ...entry } of entries) {
    let key = id && idCounts.get(id) === 1 ? id : entry.url || `hash:${hashOf(`${entry.title}\n${entry.contentHtml}`)}`;
    if (seen.has(key)) key = `hash:${hashOf(`${key}\n${entry.title}\n${entry.contentHtml}`)}`;
    if (seen.has(key)) continue; // the very same entry twice in one document
    seen.add(key);
    out.push({ ...entry, identityKey: key.slice(0, 2000) });
  }
  return { entries: out, unreliableIds: repeated || missing };
}

/**
 * Reads a feed fetched from `feedUrl`. Relative URLs resolve against the `contentLocation` the
 * server sent, where it names an http(s) address (as feedparser reads it: a feed served through
 * content negotiation names its own address there), else against `feedUrl`.
 */
export function parseFeedText(text: string, feedUrl: string, contentLocation?: string): ParsedFeed {
  refuseDangerousXml(text);
  const located = contentLocation ? resolve(contentLocation.trim(), feedUrl) : undefined;
  const documentUrl = located && /^https?:/.test(located) ? located : feedUrl;
  const json = /^\s*[{[]/.test(text.slice(0, 64));
  const { format, head, entries: raw } = json ? readJsonFeed(text, documentUrl) : readXmlFeed(text, documentUrl);
  for (const entry of raw) if (entry.authors.length === 0) entry.authors = head.authors;
  const { entries, unreliableIds } = assignIdentities(raw);
  const site = head.siteUrl ? new URL(head.siteUrl).host : new URL(feedUrl).host;
  return {
    ...head,
    format,
    title: head.title || site,
    language: languageCode(head.language),
    entries,
    unreliableIds,
  };
}
