// Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0, RDF and JSON Feed 1.0/1.1 (with feedsmith) into one shape.
// The format comes from the body, never the Content-Type. DTDs that declare entities are refused
// before parsing (billion laughs, external entities); feedsmith itself never expands or fetches them.
// URLs are resolved against xml:base, then the entry link, then the feed's own URL.
import { createHash } from "node:crypto";
import { parseFeed as parseAnyFeed } from "feedsmith";
import { parseFeedDate } from "./parse-date";

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
  imageUrl?: string;
};

export type ParsedFeed = {
  format: FeedFormatName;
  /** The feed's base URL: its xml:base resolved against the address it was fetched from. */
  baseUrl: string;
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

// feedsmith's results are deeply optional; this module reads them through these loose shapes.
type Loose = Record<string, unknown>;
const obj = (value: unknown): Loose => (value && typeof value === "object" ? (value as Loose) : {});
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const str = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value.trim() : undefined);

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

/** Plain text of a possibly-HTML string (titles, author names). */
export function toPlainText(value: string | undefined): string {
  if (!value) return "";
  return decodeEntities(value.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim();
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Atom text constructs: text is escaped into a paragraph, html/xhtml pass on to the sanitizer. */
function atomTextToHtml(value: unknown): string {
  const text = obj(value);
  const body = typeof value === "string" ? value : str(text.value) ?? "";
  const type = str(text.type)?.toLowerCase();
  if (!body) return "";
  if (type === "text" || type === "text/plain") return `<p>${escapeHtml(body)}</p>`;
  return body;
}

const atomText = (value: unknown): string => (typeof value === "string" ? value : str(obj(value).value) ?? "");

/** An Atom text construct as plain text: only html and xhtml carry markup to strip. */
function atomPlainText(value: unknown): string {
  const type = str(obj(value).type)?.toLowerCase();
  const text = atomText(value);
  if (type === "html" || type === "xhtml" || type === "text/html" || type === "application/xhtml+xml") return toPlainText(text);
  return decodeEntities(text).replace(/\s+/g, " ").trim();
}

function resolve(url: string | undefined, base: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

function refuseDangerousXml(text: string) {
  const head = text.slice(0, 4096);
  const doctype = head.match(/<!DOCTYPE[\s\S]*?(\[[\s\S]*?\])?\s*>/i);
  if (doctype && /<!ENTITY/i.test(text.slice(0, 65_536))) {
    throw new FeedParseError("the feed declares XML entities, which we refuse (entity expansion and external entities are attack vectors)");
  }
}

function pickLink(links: unknown, rel = "alternate"): string | undefined {
  const list = arr(links).map(obj);
  const match = list.find((link) => (str(link.rel) ?? "alternate") === rel && (rel !== "alternate" || !str(link.type) || /html/i.test(String(link.type))));
  return str(match?.href) ?? (rel === "alternate" ? str(list.find((link) => !str(link.rel))?.href) : undefined);
}

function authorNames(values: unknown[]): string[] {
  const names = values
    .map((value) => (typeof value === "string" ? value : str(obj(value).name) ?? str(obj(value).email) ?? ""))
    .map((name) => toPlainText(name))
    .filter(Boolean);
  return [...new Set(names)];
}

function mediaImage(entry: Loose): string | undefined {
  const media = obj(entry.media);
  const thumb = str(obj(arr(media.thumbnails)[0]).url);
  if (thumb) return thumb;
  const content = arr(media.contents).map(obj).find((c) => /^image\//.test(String(c.type ?? "")) || c.medium === "image");
  if (content) return str(content.url);
  const group = arr(obj(media.group).contents ?? arr(media.groups).flatMap((g) => arr(obj(g).contents))).map(obj);
  const grouped = group.find((c) => /^image\//.test(String(c.type ?? "")) || c.medium === "image");
  if (grouped) return str(grouped.url);
  const enclosure = arr(entry.enclosures).map(obj).find((e) => /^image\//.test(String(e.type ?? "")));
  return str(enclosure?.url);
}

type RawEntry = Omit<ParsedEntry, "identityKey"> & { id?: string };

function normaliseEntry(format: FeedFormatName, entry: Loose, feedBase: string): RawEntry {
  const xmlBase = str(obj(entry.xml).base);
  const base = resolve(xmlBase, feedBase) ?? feedBase;
  let id: string | undefined;
  let link: string | undefined;
  let title = "";
  let authors: string[] = [];
  let published: unknown;
  let updated: unknown;
  let content = "";
  let summary = "";
  let contentBase = base;
  let image: string | undefined;
  const dc = obj(entry.dc);
  if (format === "RSS" || format === "RDF") {
    const guid = obj(entry.guid);
    id = str(guid.value) ?? str(obj(entry.rdf).about);
    link = str(entry.link) ?? (guid.isPermaLink !== false && id && /^https?:\/\//i.test(id) ? id : undefined) ?? pickLink(obj(entry.atom).links);
    title = toPlainText(str(entry.title) ?? arr(dc.titles).map(String)[0]);
    authors = authorNames([...arr(entry.authors), ...arr(dc.creators)]);
    const dcterms = obj(entry.dcterms);
    published = entry.pubDate ?? arr(dc.dates)[0] ?? arr(dcterms.issued)[0] ?? arr(dcterms.created)[0] ?? arr(dcterms.dates)[0] ?? obj(entry.atom).published;
    updated = arr(dcterms.modified)[0] ?? obj(entry.atom).updated;
    const encoded = str(obj(entry.content).encoded);
    const description = str(entry.description) ?? "";
    content = encoded ?? description;
    summary = encoded ? description : "";
    image = mediaImage(entry);
  } else if (format === "ATOM") {
    id = str(entry.id);
    link = pickLink(entry.links);
    title = atomPlainText(entry.title);
    authors = authorNames([...arr(entry.authors), ...arr(dc.creators)]);
    published = entry.published ?? entry.issued ?? entry.created ?? entry.updated ?? entry.modified;
    updated = entry.updated ?? entry.modified;
    const contentXmlBase = str(obj(obj(entry.content).xml).base);
    if (contentXmlBase) contentBase = resolve(contentXmlBase, base) ?? base;
    content = atomTextToHtml(entry.content);
    summary = atomTextToHtml(entry.summary);
    if (!content) content = summary;
    image = mediaImage(entry);
  } else {
    id = str(entry.id) ?? (typeof entry.id === "number" ? String(entry.id) : undefined);
    link = str(entry.url) ?? str(entry.external_url);
    title = toPlainText(str(entry.title));
    authors = authorNames([...arr(entry.authors), ...arr(entry.author)]);
    published = entry.date_published;
    updated = entry.date_modified;
    content = str(entry.content_html) ?? (str(entry.content_text) ? `<p>${escapeHtml(String(entry.content_text)).replace(/\n{2,}/g, "</p><p>")}</p>` : "");
    summary = str(entry.summary) ? `<p>${escapeHtml(String(entry.summary))}</p>` : "";
    if (!content) content = summary;
    image = str(entry.image) ?? str(entry.banner_image);
  }
  const url = resolve(link, base) ?? "";
  return {
    id,
    url,
    title,
    authors,
    publishedAt: parseFeedDate(published),
    updatedAt: parseFeedDate(updated),
    contentHtml: content,
    summaryHtml: summary,
    baseUrl: contentBase === feedBase && url ? (xmlBase ? base : url) : contentBase,
    imageUrl: resolve(image, base),
  };
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

export function parseFeedText(text: string, feedUrl: string): ParsedFeed {
  refuseDangerousXml(text);
  let result: { format: string; feed: unknown };
  try {
    result = parseAnyFeed(text) as { format: string; feed: unknown };
  } catch (error) {
    const message = (error as Error).message || "unrecognised";
    throw new FeedParseError(/unrecognized/i.test(message) ? "this is not an RSS, Atom, RDF or JSON feed" : `the feed could not be parsed: ${message}`);
  }
  const formats: Record<string, FeedFormatName> = { rss: "RSS", atom: "ATOM", rdf: "RDF", json: "JSON" };
  const format: FeedFormatName = formats[result.format] ?? "RSS";
  const feed = obj(result.feed);
  const feedBase = resolve(str(obj(feed.xml).base), feedUrl) ?? feedUrl;
  let title: string;
  let siteUrl: string | undefined;
  let selfUrl: string | undefined;
  let hubUrl: string | undefined;
  let description: string | undefined;
  let iconUrl: string | undefined;
  let language: string | undefined;
  let ttlMinutes: number | undefined;
  let rawEntries: unknown[];
  let feedAuthors: string[];
  if (format === "ATOM") {
    feedAuthors = authorNames([...arr(feed.authors), ...arr(obj(feed.dc).creators)]);
    title = atomPlainText(feed.title);
    siteUrl = pickLink(feed.links);
    selfUrl = pickLink(feed.links, "self");
    hubUrl = pickLink(feed.links, "hub");
    description = toPlainText(atomText(feed.subtitle ?? feed.tagline));
    iconUrl = str(feed.icon) ?? str(feed.logo);
    language = str(obj(feed.xml).lang);
    rawEntries = arr(feed.entries);
  } else if (format === "JSON") {
    feedAuthors = authorNames([...arr(feed.authors), ...arr(feed.author)]);
    title = toPlainText(str(feed.title));
    siteUrl = str(feed.home_page_url);
    selfUrl = str(feed.feed_url);
    hubUrl = str(obj(arr(feed.hubs).map(obj).find((hub) => /websub|pubsubhubbub/i.test(String(hub.type ?? ""))) ?? arr(feed.hubs)[0]).url);
    description = toPlainText(str(feed.description));
    iconUrl = str(feed.favicon) ?? str(feed.icon);
    language = str(feed.language);
    rawEntries = arr(feed.items);
  } else {
    const atom = obj(feed.atom);
    feedAuthors = authorNames([...arr(feed.managingEditor), ...arr(obj(feed.dc).creators), ...arr(atom.authors)]).map((name) => name.replace(/^\S+@\S+\s+\((.+)\)$/, "$1"));
    title = toPlainText(str(feed.title) ?? arr(obj(feed.dc).titles).map(String)[0]);
    siteUrl = str(feed.link);
    selfUrl = pickLink(atom.links, "self");
    hubUrl = pickLink(atom.links, "hub");
    description = toPlainText(str(feed.description));
    iconUrl = str(obj(feed.image).url);
    language = str(feed.language) ?? arr(obj(feed.dc).languages).map(String)[0];
    ttlMinutes = typeof feed.ttl === "number" && feed.ttl > 0 ? feed.ttl : undefined;
    rawEntries = arr(feed.items);
  }
  const normalised = rawEntries.slice(0, MAX_ENTRIES).map((entry) => normaliseEntry(format, obj(entry), feedBase));
  for (const entry of normalised) if (entry.authors.length === 0) entry.authors = feedAuthors;
  const { entries, unreliableIds } = assignIdentities(normalised);
  return {
    format,
    baseUrl: feedBase,
    title: title || (resolve(siteUrl, feedBase) ? new URL(resolve(siteUrl, feedBase)!).host : new URL(feedUrl).host),
    siteUrl: resolve(siteUrl, feedBase),
    selfUrl: resolve(selfUrl, feedBase),
    hubUrl: resolve(hubUrl, feedBase),
    description: description || undefined,
    language: language?.toLowerCase().slice(0, 16),
    iconUrl: resolve(iconUrl, feedBase),
    ttlMinutes,
    authors: feedAuthors,
    entries,
    unreliableIds,
  };
}
