// Mirrored HTML is a stranger's: it is sanitized on the way in, never on the way out, by an
// allow-list (text, links, images, lists, quotes, code, tables, headings). Every tag in the output
// is built by us from an allowed name and allowed attributes with re-escaped values; text is
// escaped; comments, doctypes, processing instructions and the whole content of script, style,
// svg, math, iframe, template and the like are dropped; open tags are balanced, so nothing leaks
// past the post. Links and images are made absolute (srcset too), links get
// rel="ugc nofollow noopener", tracking pixels and utm_*/fbclid parameters go, and the excerpt,
// lead image and reading time are computed from the result.
//
// A single-pass scanner rather than sanitize-html: the benchmark showed sanitize-html alone taking
// 2.6× as long as the peer's whole parse (docs/decisions/005-own-html-sanitizer.md). Its output is
// checked against parse5, the HTML standard's own parsing algorithm, by a fuzz test.
import { decodeHTML, decodeHTMLAttribute } from "entities";

const TRACKING_PARAMS = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|yclid|__s)$/i;
const TRACKING_IMAGE_HOSTS = /(^|\.)(feeds\.feedburner\.com|feedproxy\.google\.com|pixel\.wp\.com|stats\.wordpress\.com|feedblitz\.com|pixel\.quantserve\.com|www\.google-analytics\.com|analytics\.twitter\.com)$/i;
const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i;

/** Query parameters that only track the reader: dropped from every link and image. */
// Global, so that it can be searched from the "?" of a serialized URL; a match past the query (in the fragment) is ignored.
const TRACKING_QUERY = /[?&](?:utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|yclid|__s)(?=[=&#]|$)/gi;

// The common shapes of URLs in posts, which the URL parser would give back unchanged (a slash
// added to a bare host): http(s) with a lower-case host name whose last label starts with a letter
// (not an IP address) and no punycode; no port, no percent-escapes, no dot segments, and no
// character the URL standard would escape. Everything else goes through new URL(). A property
// test checks that the two agree.
const SIMPLE_ABSOLUTE = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?=[/?#]|$)/;
const SIMPLE_REST = /^(?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)?(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*)?$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;

/** The origin of the last base read by simpleHref: a post's links and images share one base. */
let lastBase = "";
let lastBaseOrigin: string | undefined;

/**
 * The serialized URL of raw against base when both have the common shape above, else undefined.
 * An absolute URL that is already serialized (a path after the host) comes back as raw itself.
 * (The host pattern cannot give "..", a trailing dot or a port, so only punycode is checked.)
 */
export function simpleHref(raw: string, base: string): string | undefined {
  let origin: string;
  let rest: string;
  const relative = raw.charCodeAt(0) === 47; /* / */
  if (relative) {
    if (raw.charCodeAt(1) === 47 || raw.charCodeAt(1) === 92) return undefined; // "//host", "/\\host"
    if (base !== lastBase) {
      lastBase = base;
      lastBaseOrigin = SIMPLE_ABSOLUTE.exec(base)?.[0];
      if (lastBaseOrigin?.includes("xn--")) lastBaseOrigin = undefined;
    }
    if (lastBaseOrigin === undefined) return undefined;
    origin = lastBaseOrigin;
    rest = raw;
  } else {
    const match = SIMPLE_ABSOLUTE.exec(raw);
    if (!match) return undefined;
    origin = match[0];
    if (origin.includes("xn--")) return undefined;
    rest = raw.slice(origin.length);
  }
  if (!SIMPLE_REST.test(rest) || (rest.includes("/.") && DOT_SEGMENT.test(rest))) return undefined;
  if (rest.charCodeAt(0) !== 47) return `${origin}/${rest}`;
  return relative ? origin + rest : raw;
}

/** Absolute http(s) URL with tracking parameters removed, or undefined when unsafe or invalid. */
export function cleanUrl(raw: string | undefined, base: string): string | undefined {
  if (!raw) return undefined;
  let href = simpleHref(raw, base);
  // No "?" in raw: none in the URL simpleHref made of it (the base gives it only its origin).
  if (href !== undefined && !raw.includes("?")) return href;
  if (href === undefined) {
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      return undefined;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    href = url.href;
  }
  const query = href.indexOf("?");
  if (query < 0) return href;
  // The query is edited as text, keeping every other parameter exactly as written
  // (URLSearchParams would re-encode them). In a serialized URL the first "?" starts the query.
  const hash = href.indexOf("#", query);
  const end = hash < 0 ? href.length : hash;
  TRACKING_QUERY.lastIndex = query;
  if (!TRACKING_QUERY.test(href) || TRACKING_QUERY.lastIndex > end) return href;
  // Pairs are read as split("&") would give them (empty ones too), in one pass without arrays.
  let kept = "";
  let pairs = 0;
  let at = query + 1;
  for (;;) {
    let amp = href.indexOf("&", at);
    if (amp < 0 || amp > end) amp = end;
    const equals = href.indexOf("=", at);
    const key = href.slice(at, equals >= 0 && equals < amp ? equals : amp);
    if (!TRACKING_PARAMS.test(key.includes("%") ? safeDecode(key) : key)) kept += (pairs++ ? "&" : "?") + href.slice(at, amp);
    if (amp === end) break;
    at = amp + 1;
  }
  return href.slice(0, query) + kept + href.slice(end);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Allowed elements and, for each, the attributes it may keep. */
const ALLOWED: Record<string, readonly string[]> = {
  p: [], br: [], hr: [], h2: [], h3: [], h4: [], h5: [], h6: [], figure: [], figcaption: [], q: [], cite: [],
  ul: [], dl: [], dt: [], dd: [], li: [], pre: ["class"], code: ["class"], kbd: [], samp: [], var: [], em: [], strong: [],
  b: [], i: [], u: [], s: [], del: [], ins: [], sub: [], sup: [], small: [], mark: [], span: [], div: [], details: [],
  summary: [], table: [], thead: [], tbody: [], tfoot: [], tr: [], caption: [],
  a: ["href", "title"],
  img: ["src", "srcset", "sizes", "alt", "title", "width", "height"],
  blockquote: ["cite"],
  ol: ["start", "reversed"],
  td: ["colspan", "rowspan"],
  th: ["colspan", "rowspan", "scope"],
  abbr: ["title"],
  time: ["datetime"],
};
const RENAMED: Record<string, string> = { h1: "h2" };
const VOID = new Set(["br", "hr", "img", "wbr", "col", "area", "base", "embed", "input", "link", "meta", "param", "source", "track", "keygen"]);
/** Elements removed together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  "script", "style", "textarea", "title", "xmp", "noscript", "noembed", "noframes", "iframe", "plaintext",
  "template", "svg", "math", "object", "applet", "frameset", "frame", "select", "option", "button", "form", "head", "audio", "video", "canvas", "map",
]);
/** Raw-text elements: the browser ends them only at their own end tag, whatever is inside. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noscript", "noembed", "noframes", "iframe", "plaintext"]);

/**
 * JavaScript's \s, the white space of the tag grammar below (it was first written as a regular
 * expression, and the test suite checks the two still agree).
 */
const isSpace = (code: number) =>
  code === 32 || (code >= 9 && code <= 13) || (code >= 160 && (code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff));

/** The tag read by readTag: whether it is an end tag, its name, and its attributes' spans. */
type TagSpans = {
  closing: boolean;
  nameStart: number;
  nameEnd: number;
  /** Per attribute: name start, name end, value start, value end (value start -1 when it has none). */
  attributes: number[];
};
const tagSpans: TagSpans = { closing: false, nameStart: 0, nameEnd: 0, attributes: [] };

/** The longest attribute value a tag may carry (longer, the "<" is read as text). */
const MAX_VALUE_LENGTH = 4000;

/**
 * Reads the tag at `lt` (a "<"): <name attributes> or </name attributes>, the name a letter then up
 * to 60 characters, up to 40 attributes (names up to 100 characters, values quoted or not, up to
 * 4,000), white space before each attribute, then optional white space, an optional "/" and ">".
 * Returns the index after the ">" and fills `tagSpans`, or -1 when the text is not a tag (then it is
 * escaped as text). Bounded lengths and no backtracking keep hostile input linear. This is the
 * language of the regular expression it replaced, which the tests keep as its oracle, read without
 * backtracking after "=": the expression also tried `b= c` as b="" then c, and a failing tag with n
 * such attributes cost it 2^n steps (22 took 240 ms; 40, in a hostile feed, would never end):
 * /<(\/?)([a-zA-Z][^\s/<>\0]{0,60})((?:\s+[^\s"'<>/=\0]{1,100}(?:\s*=\s*(?:"[^"]{0,4000}"|'[^']{0,4000}'|[^\s"'<>]{0,4000}))?){0,40})\s*\/?>/y
 */
export function readTag(html: string, lt: number, spans: TagSpans = tagSpans): number {
  const length = html.length;
  let i = lt + 1;
  spans.closing = html.charCodeAt(i) === 47; /* / */
  if (spans.closing) i++;
  let code = html.charCodeAt(i);
  if (!((code >= 97 && code <= 122) || (code >= 65 && code <= 90))) return -1;
  spans.nameStart = i++;
  while (i < length) {
    code = html.charCodeAt(i);
    if (code === 47 || code === 60 || code === 62 || code === 0 || isSpace(code)) break;
    i++;
  }
  if (i - spans.nameStart > 61) return -1;
  spans.nameEnd = i;
  const attributes = spans.attributes;
  attributes.length = 0;
  for (;;) {
    let j = i;
    while (j < length && isSpace(html.charCodeAt(j))) j++;
    code = html.charCodeAt(j);
    if (code === 62 /* > */) return j + 1;
    if (code === 47 /* / */) return html.charCodeAt(j + 1) === 62 ? j + 2 : -1;
    if (j === i || j >= length || attributes.length === 160) return -1; // white space before each attribute; at most 40
    const nameStart = j;
    while (j < length) {
      code = html.charCodeAt(j);
      if (code === 34 || code === 39 || code === 47 || code === 60 || code === 61 || code === 62 || code === 0 || isSpace(code)) break;
      j++;
    }
    if (j === nameStart || j - nameStart > 100) return -1;
    let k = j;
    while (k < length && isSpace(html.charCodeAt(k))) k++;
    if (html.charCodeAt(k) !== 61 /* = */) {
      attributes.push(nameStart, j, -1, -1);
      i = j;
      continue;
    }
    k++;
    while (k < length && isSpace(html.charCodeAt(k))) k++;
    code = html.charCodeAt(k);
    if (code === 34 || code === 39) {
      const close = html.indexOf(code === 34 ? '"' : "'", k + 1);
      if (close < 0 || close - k - 1 > MAX_VALUE_LENGTH) return -1;
      attributes.push(nameStart, j, k + 1, close);
      i = close + 1;
    } else {
      const valueStart = k;
      while (k < length) {
        code = html.charCodeAt(k);
        if (code === 34 || code === 39 || code === 60 || code === 62 || isSpace(code)) break;
        k++;
      }
      if (k - valueStart > MAX_VALUE_LENGTH) return -1;
      attributes.push(nameStart, j, valueStart, k);
      i = k;
    }
  }
}

const DIMENSION = /^\d{1,5}$/;

const escapeAttribute = (value: string) =>
  /[&"<>]/.test(value) ? value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : value;

function isTrackingPixel(width: string | undefined, height: string | undefined, src: string): boolean {
  if (width !== undefined && height !== undefined && Number(width) <= 1 && Number(height) <= 1) return true;
  if (!src.startsWith("http")) return false;
  return TRACKING_IMAGE_HOSTS.test(hostOf(src));
}

/**
 * The host name of a URL cleanUrl returned (serialized, so "scheme://host[:port]/…"); new URL()
 * when it carries credentials or an IPv6 address, which the plain reading would get wrong.
 */
export function hostOf(href: string): string {
  const start = href.indexOf("//") + 2;
  let end = start;
  let port = -1;
  while (end < href.length) {
    const code = href.charCodeAt(end);
    if (code === 47 || code === 63 || code === 35) break; // / ? #: the authority ends
    if (code === 64 || code === 91) return new URL(href).hostname; // @ (credentials), [ (IPv6)
    if (code === 58 && port < 0) port = end;
    end++;
  }
  return href.slice(start, port < 0 ? end : port);
}

const DESCRIPTOR = /^\d+(\.\d+)?[wx]$/;

/**
 * Each candidate of a srcset made absolute and cleaned; those that are not URLs go. Candidates are
 * split at a comma followed by white space, and each is its URL and a descriptor (the next word),
 * as split(/,\s+/) then trim().split(/\s+/, 2) would read them (the tests keep that as the
 * oracle), in one walk that makes no arrays: the splitting was half the cost of an image.
 */
export function cleanSrcset(srcset: string, base: string): string | undefined {
  let out = "";
  const length = srcset.length;
  let start = 0;
  for (;;) {
    // The candidate ends at the next comma that white space follows.
    let end = length;
    let next = length;
    for (let comma = srcset.indexOf(",", start); comma >= 0; comma = srcset.indexOf(",", comma + 1)) {
      if (comma + 1 < length && isSpace(srcset.charCodeAt(comma + 1))) {
        end = comma;
        next = comma + 2;
        while (next < length && isSpace(srcset.charCodeAt(next))) next++;
        break;
      }
    }
    let at = start;
    while (at < end && isSpace(srcset.charCodeAt(at))) at++;
    const urlEnd = wordEnd(srcset, at, end);
    let descriptorStart = urlEnd;
    while (descriptorStart < end && isSpace(srcset.charCodeAt(descriptorStart))) descriptorStart++;
    const descriptor = srcset.slice(descriptorStart, wordEnd(srcset, descriptorStart, end));
    const url = cleanUrl(srcset.slice(at, urlEnd), base);
    if (url) out += (out ? ", " : "") + (descriptor && DESCRIPTOR.test(descriptor) ? `${url} ${descriptor}` : url);
    if (end === length) break;
    start = next;
  }
  return out || undefined;
}

/** Where the word (the run of characters other than white space) at `from` ends, before `end`. */
function wordEnd(text: string, from: number, end: number): number {
  let at = from;
  while (at < end && !isSpace(text.charCodeAt(at))) at++;
  return at;
}

/**
 * The allowed attributes of the tag just read, lower-cased names and decoded values, as
 * [name, value, …]; the first of duplicates is kept, as the browser does. A flat list rather than an
 * object: tags carry one to five attributes, and a list is cheaper to build and to read.
 */
function allowedAttributes(html: string, spans: readonly number[], allowed: readonly string[]): string[] {
  const list: string[] = [];
  for (let a = 0; a < spans.length; a += 4) {
    const key = html.slice(spans[a], spans[a + 1]).toLowerCase();
    if (!allowed.includes(key) || valueOf(list, key) !== undefined) continue;
    const value = spans[a + 2]! < 0 ? "" : html.slice(spans[a + 2], spans[a + 3]);
    list.push(key, attributeValue(value));
  }
  return list;
}

/** An attribute's value as written, with its character references decoded as a browser reads them in an attribute. */
const attributeValue = (written: string) => (written.includes("&") ? decodeHTMLAttribute(written) : written);

function valueOf(list: readonly string[], key: string): string | undefined {
  for (let i = 0; i < list.length; i += 2) if (list[i] === key) return list[i + 1];
  return undefined;
}

const LINK_OPEN = '<a rel="ugc nofollow noopener"';
const SIMPLE_LINK = '<a href="';

/** The link we write for an href and a title (decoded): http(s) made absolute and cleaned, or mailto. */
function linkTag(rawHref: string | undefined, title: string | undefined, base: string): string {
  const href = rawHref?.trim();
  const safe = href && href.length > 6 && /^mailto:/i.test(href) ? (/^mailto:[^\s"'<>]+$/i.test(href) ? href : undefined) : cleanUrl(href, base);
  let tag = safe ? `${LINK_OPEN} href="${escapeAttribute(safe)}"` : LINK_OPEN;
  if (title) tag += ` title="${escapeAttribute(title)}"`;
  return `${tag}>`;
}

/** The opening tag we emit for an allowed element, or null when the element must go (img without src). */
function openTag(name: string, html: string, spans: readonly number[], base: string): string | null {
  const allowed = ALLOWED[name]!;
  if (allowed.length === 0 && name !== "a") return `<${name}>`;
  const values = spans.length ? allowedAttributes(html, spans, allowed) : [];
  if (name === "a") return linkTag(valueOf(values, "href"), valueOf(values, "title"), base);
  if (name === "img") {
    const raw = valueOf(values, "src")?.trim();
    const src = raw && /^data:/i.test(raw) ? (SAFE_DATA_IMAGE.test(raw) ? raw : undefined) : cleanUrl(raw, base);
    const width = valueOf(values, "width");
    const height = valueOf(values, "height");
    if (!src || isTrackingPixel(width, height, src)) return null;
    let tag = `<img src="${escapeAttribute(src)}" loading="lazy"`;
    const srcsetValue = valueOf(values, "srcset");
    const srcset = srcsetValue ? cleanSrcset(srcsetValue, base) : undefined;
    if (srcset) tag += ` srcset="${escapeAttribute(srcset)}"`;
    tag += ` alt="${escapeAttribute(valueOf(values, "alt") ?? "")}"`;
    const title = valueOf(values, "title");
    if (title) tag += ` title="${escapeAttribute(title)}"`;
    const sizes = valueOf(values, "sizes");
    if (sizes) tag += ` sizes="${escapeAttribute(sizes)}"`;
    if (width && DIMENSION.test(width)) tag += ` width="${width}"`;
    if (height && DIMENSION.test(height)) tag += ` height="${height}"`;
    return `${tag}>`;
  }
  const out: string[] = [];
  for (const key of allowed) {
    const value = valueOf(values, key);
    if (value === undefined) continue;
    if (key === "cite") {
      const url = cleanUrl(value, base);
      if (url) out.push(`cite="${escapeAttribute(url)}"`);
    } else if (key === "class") {
      const classes = value.split(/\s+/).filter((c) => /^(language|lang)-[\w+#.-]{1,40}$/.test(c));
      if (classes.length) out.push(`class="${classes.join(" ")}"`);
    } else if (key === "start" || key === "colspan" || key === "rowspan") {
      if (/^\d{1,4}$/.test(value.trim())) out.push(`${key}="${value.trim()}"`);
    } else if (key === "reversed") out.push("reversed");
    else if (key === "scope") {
      if (/^(row|col|rowgroup|colgroup)$/i.test(value.trim())) out.push(`scope="${value.trim().toLowerCase()}"`);
    } else out.push(`${key}="${escapeAttribute(value)}"`);
  }
  return out.length ? `<${name} ${out.join(" ")}>` : `<${name}>`;
}

/** Index just past the end tag of a raw-text or dropped element (case-insensitive), or the end. */
function skipElement(html: string, from: number, name: string): number {
  if (name === "plaintext") return html.length;
  if (RAW_TEXT.has(name)) {
    const endTag = new RegExp(`</${name}`, "gi");
    endTag.lastIndex = from;
    const end = endTag.exec(html)?.index ?? -1;
    if (end < 0) return html.length;
    const close = html.indexOf(">", end);
    return close < 0 ? html.length : close + 1;
  }
  // Nested elements of the same name (svg in svg, form in form…) are counted.
  const pattern = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, "gi");
  pattern.lastIndex = from;
  let depth = 1;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return pattern.lastIndex;
  }
  return html.length;
}

/** Sanitized HTML with what was learnt on the way: the length of its text and the first image kept. */
export type SanitizedHtml = {
  html: string;
  /** Characters of text (entities as written), for the reading time. */
  textLength: number;
  /** The first few hundred characters of text (entities as written), for the excerpt. */
  textStart: string;
  firstImage?: string;
};

/** Elements inside a line of text: their tags do not separate words in the excerpt. */
const INLINE = new Set(["a", "em", "strong", "b", "i", "u", "s", "code", "kbd", "samp", "var", "sub", "sup", "small", "mark", "abbr", "time", "q", "cite", "del", "ins", "span"]);

/**
 * Allowed elements whose attribute-less tags ("<p>", "</code>") we write exactly as the source
 * does, grouped by first letter, so a tag is recognised with a startsWith or two. Links and images
 * are always rewritten (rel, a required src), so only their end tags are here.
 */
const VERBATIM: string[][] = [];
for (const name of Object.keys(ALLOWED)) if (!(name in RENAMED)) (VERBATIM[name.charCodeAt(0)] ??= []).push(name);

/** The allowed element whose simple tag ("<p>", "</em>") has its name at nameStart, if any. */
function verbatimName(html: string, nameStart: number): string | undefined {
  const candidates = VERBATIM[html.charCodeAt(nameStart)];
  if (candidates === undefined) return undefined;
  for (let c = 0; c < candidates.length; c++) {
    const name = candidates[c]!;
    if (html.charCodeAt(nameStart + name.length) !== 62 /* > */) continue;
    let k = 1; // the first letter already matched
    while (k < name.length && html.charCodeAt(nameStart + k) === name.charCodeAt(k)) k++;
    if (k === name.length) return name;
  }
  return undefined;
}

/**
 * The sanitizer. Output is built from spans of the input copied as they are (text, and simple
 * allowed tags such as <p> or </em> that we would write the same way) joined with what we write
 * ourselves (tags with attributes, escapes, closing tags); so most of the input is copied in a few
 * large slices, not character by character.
 */
export function sanitizeHtml(input: string, baseUrl: string): SanitizedHtml {
  const html = input.indexOf("\0") >= 0 ? input.replaceAll("\0", "") : input;
  let out = "";
  let from = 0; // start of the span of input not yet copied to out
  const open: string[] = [];
  const length = html.length;
  let firstImage: string | undefined;
  let textLength = 0;
  let textStart = "";
  let collecting = true; // until textStart is long enough for an excerpt
  let nextGt = -1; // the next ">" at or after i, kept so that text is never scanned twice
  let i = 0;
  while (i < length) {
    const lt = html.indexOf("<", i);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > i) {
      textLength += textEnd - i;
      if (collecting) {
        textStart += html.slice(i, textEnd);
        collecting = textStart.length <= EXCERPT_SOURCE_LENGTH;
      }
      if (nextGt < i) {
        nextGt = html.indexOf(">", i);
        if (nextGt < 0) nextGt = length;
      }
      if (nextGt < textEnd) {
        out += html.slice(from, i) + html.slice(i, textEnd).replaceAll(">", "&gt;");
        from = textEnd;
      }
    }
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    // The fast path: <name> or </name> of an allowed element without attributes, copied as written.
    const closing = next === 47; /* / */
    const verbatim = verbatimName(html, closing ? lt + 2 : lt + 1);
    if (verbatim !== undefined) {
      if (collecting && !INLINE.has(verbatim)) textStart += " ";
      if (!closing && verbatim !== "a" && verbatim !== "img") {
        if (!VOID.has(verbatim)) open.push(verbatim);
        i = lt + verbatim.length + 2;
        continue;
      }
      if (closing && open[open.length - 1] === verbatim) {
        open.pop();
        i = lt + verbatim.length + 3;
        continue;
      }
    }
    // The second fast path: <a href="…"> with no other attribute, a link as Markdown writes it. It
    // is what readTag and openTag make of it, without their general work (a test holds them equal).
    if (next === 97 /* a */ && html.startsWith(SIMPLE_LINK, lt)) {
      const start = lt + SIMPLE_LINK.length;
      const quote = html.indexOf('"', start);
      if (quote >= 0 && quote - start <= MAX_VALUE_LENGTH && html.charCodeAt(quote + 1) === 62 /* > */) {
        out += html.slice(from, lt) + linkTag(attributeValue(html.slice(start, quote)), undefined, baseUrl);
        open.push("a");
        i = from = quote + 2;
        continue;
      }
    }
    out += html.slice(from, lt);
    from = lt;
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      // Comments end at "-->" (or "--!>"); doctypes, CDATA and processing instructions at ">".
      if (html.startsWith("<!--", lt)) {
        const end = html.slice(lt + 4).search(/--!?>/);
        i = end < 0 ? length : lt + 4 + end + (html[lt + 4 + end + 2] === "!" ? 4 : 3);
      } else {
        const end = html.indexOf(">", lt);
        i = end < 0 ? length : end + 1;
      }
      from = i;
      continue;
    }
    const tagEnd = readTag(html, lt);
    if (tagEnd < 0) {
      out += "&lt;";
      i = from = lt + 1;
      continue;
    }
    i = from = tagEnd;
    let name = html.slice(tagSpans.nameStart, tagSpans.nameEnd).toLowerCase();
    if (!tagSpans.closing && DROP_WITH_CONTENT.has(name)) {
      i = from = skipElement(html, i, name);
      continue;
    }
    name = RENAMED[name] ?? name;
    if (collecting && !INLINE.has(name)) textStart += " ";
    if (!(name in ALLOWED)) continue; // unknown or forbidden tag: dropped, its text kept
    if (tagSpans.closing) {
      const at = open.lastIndexOf(name);
      if (at < 0) continue; // a stray end tag must not close anything of the page around the post
      while (open.length > at) out += `</${open.pop()}>`;
      continue;
    }
    const tag = openTag(name, html, tagSpans.attributes, baseUrl);
    if (tag === null) continue;
    if (name === "img" && firstImage === undefined) firstImage = tag.match(/ src="(https?:[^"]+)"/)?.[1]?.replace(/&amp;/g, "&");
    out += tag;
    if (!VOID.has(name)) open.push(name);
  }
  out += html.slice(from);
  while (open.length) out += `</${open.pop()}>`;
  return { html: out.trim(), textLength, textStart, firstImage };
}

export function sanitizeEntryHtml(html: string, baseUrl: string): string {
  return sanitizeHtml(html, baseUrl).html;
}

export type ContentFacts = { excerpt: string; imageUrl?: string; readingMinutes: number };

const EXCERPT_LENGTH = 300;
/** Text collected for the excerpt: more than it keeps, as entities and spaces shrink. */
const EXCERPT_SOURCE_LENGTH = 450;
/**
 * Reading speed: 220 words a minute of ~6 characters each (the average English word and its
 * space). Counted in characters because the sanitizer knows its text's length for free, while
 * counting words means looking at every character again (a fifth of the sanitizer's time).
 */
const CHARACTERS_A_MINUTE = 220 * 6;

const isSpaceCode = (code: number) => code <= 32 || code === 160 || code === 0x2028 || code === 0x2029 || code === 0x3000;

/**
 * White space that is not a lone " " between words: any other white-space character, or a " "
 * that more white space follows (isSpaceCode's characters, written as classes).
 */
const ODD_SPACE = /[\0-\x1f\xa0\u2028\u2029\u3000]| [\0- \xa0\u2028\u2029\u3000]/g;

/**
 * The first `limit` characters of the text with each run of white space as one space, trimmed.
 * Text is mostly words and lone spaces, which stay as they are: a native search jumps from one
 * other run to the next, and only those are rewritten. A loop over every character took twice
 * as long (28 ms against 17 for the bench corpus's 15,000 excerpts), a replace over all of it ten
 * times as long. A property test holds it to the plain replace.
 */
export function collapseSpaces(text: string, limit: number): string {
  let from = 0;
  while (from < text.length && isSpaceCode(text.charCodeAt(from))) from++;
  let out = "";
  ODD_SPACE.lastIndex = from;
  for (;;) {
    const odd = ODD_SPACE.exec(text);
    if (odd === null) {
      // Only lone spaces are left, so at most one, at the very end.
      const last = text.length - 1;
      return (out + (last >= from && text.charCodeAt(last) === 32 ? text.slice(from, last) : text.slice(from))).slice(0, limit);
    }
    const at = odd.index;
    if (out.length + (at - from) >= limit) return out + text.slice(from, from + limit - out.length);
    out += text.slice(from, at);
    let end = at + 1;
    while (end < text.length && isSpaceCode(text.charCodeAt(end))) end++;
    if (end === text.length) return out; // trailing white space
    out += " ";
    from = end;
    ODD_SPACE.lastIndex = end;
  }
}

/**
 * Excerpt, lead image and reading time of sanitized HTML: the result of sanitizeHtml, or HTML it
 * already returned (sanitizing that again changes nothing and measures its text; its URLs are
 * absolute, so the base is never used).
 */
export function contentFacts(safe: string | SanitizedHtml, explicitImage?: string): ContentFacts {
  const { textStart, textLength, firstImage } = typeof safe === "string" ? sanitizeHtml(safe, "about:blank") : safe;
  const text = collapseSpaces(textStart.includes("&") ? decodeHTML(textStart) : textStart, EXCERPT_LENGTH + 1);
  let excerpt = text;
  if (text.length > EXCERPT_LENGTH) {
    const cut = text.slice(0, EXCERPT_LENGTH - 2);
    const lastSpace = cut.lastIndexOf(" ");
    excerpt = `${lastSpace > 0 ? cut.slice(0, lastSpace) : cut.slice(0, -1)}…`;
  }
  return { excerpt, imageUrl: explicitImage ?? firstImage, readingMinutes: Math.max(1, Math.round(textLength / CHARACTERS_A_MINUTE)) };
}
