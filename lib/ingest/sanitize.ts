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
const TRACKING_QUERY = /(^|[?&])(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|yclid|__s)([=&#]|$)/i;

// The common shapes of URLs in posts, which the URL parser would give back unchanged (a slash
// added to a bare host): http(s) with a lower-case host name whose last label starts with a letter
// (not an IP address) and no punycode; no port, no percent-escapes, no dot segments, and no
// character the URL standard would escape. Everything else goes through new URL(). A property
// test checks that the two agree.
const SIMPLE_ABSOLUTE = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?=[/?#]|$)/;
const SIMPLE_REST = /^(?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)?(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*)?$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;

/** The serialized URL of raw against base when both have the common shape above, else undefined. */
export function simpleHref(raw: string, base: string): string | undefined {
  let origin: string;
  let rest: string;
  if (raw.charCodeAt(0) === 47 /* / */) {
    if (raw.charCodeAt(1) === 47 || raw.charCodeAt(1) === 92) return undefined; // "//host", "/\\host"
    const match = SIMPLE_ABSOLUTE.exec(base);
    if (!match) return undefined;
    origin = match[0];
    rest = raw;
  } else {
    const match = SIMPLE_ABSOLUTE.exec(raw);
    if (!match) return undefined;
    origin = match[0];
    rest = raw.slice(origin.length);
  }
  if (origin.includes("xn--") || origin.includes("..") || origin.endsWith(".") || !SIMPLE_REST.test(rest) || DOT_SEGMENT.test(rest)) return undefined;
  return rest.charCodeAt(0) === 47 ? origin + rest : `${origin}/${rest}`;
}

/** Absolute http(s) URL with tracking parameters removed, or undefined when unsafe or invalid. */
export function cleanUrl(raw: string | undefined, base: string): string | undefined {
  if (!raw) return undefined;
  let href = simpleHref(raw, base);
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
  const search = href.slice(query, end);
  if (!TRACKING_QUERY.test(search)) return href;
  const kept = search
    .slice(1)
    .split("&")
    .filter((pair) => {
      const key = pair.split("=", 1)[0]!;
      return !TRACKING_PARAMS.test(key.includes("%") ? safeDecode(key) : key);
    });
  return href.slice(0, query) + (kept.length ? `?${kept.join("&")}` : "") + href.slice(end);
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

// <name attributes>: attribute values quoted or not. Quantifiers are bounded and "<" cannot occur in
// names or unquoted values, so a failed match stops early and hostile input stays linear; anything
// that does not match is not a tag and is escaped as text. The sticky flag anchors it at a '<'.
const TAG = /<(\/?)([a-zA-Z][^\s/<>\0]{0,60})((?:\s+[^\s"'<>/=\0]{1,100}(?:\s*=\s*(?:"[^"]{0,4000}"|'[^']{0,4000}'|[^\s"'<>]{0,4000}))?){0,40})\s*\/?>/y;
const ATTRIBUTE = /([^\s"'<>/=\0]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]*)))?/g;

const escapeAttribute = (value: string) =>
  /[&"<>]/.test(value) ? value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : value;

function isTrackingPixel(width: string | undefined, height: string | undefined, src: string): boolean {
  if (width !== undefined && height !== undefined && Number(width) <= 1 && Number(height) <= 1) return true;
  if (!src.startsWith("http")) return false;
  try {
    return TRACKING_IMAGE_HOSTS.test(new URL(src).hostname);
  } catch {
    return false;
  }
}

function cleanSrcset(srcset: string, base: string): string | undefined {
  const parts: string[] = [];
  for (const candidate of srcset.split(/,\s+/)) {
    const [src, descriptor] = candidate.trim().split(/\s+/, 2);
    const url = cleanUrl(src, base);
    if (url) parts.push(descriptor && /^\d+(\.\d+)?[wx]$/.test(descriptor) ? `${url} ${descriptor}` : url);
  }
  return parts.length ? parts.join(", ") : undefined;
}

/** The opening tag we emit for an allowed element, or null when the element must go (img without src). */
function openTag(name: string, rawAttributes: string, base: string): string | null {
  const allowed = ALLOWED[name]!;
  if (allowed.length === 0 && name !== "a") return `<${name}>`;
  const values: Record<string, string> = {};
  if (rawAttributes) {
    ATTRIBUTE.lastIndex = 0;
    for (let match = ATTRIBUTE.exec(rawAttributes); match; match = ATTRIBUTE.exec(rawAttributes)) {
      const key = match[1]!.toLowerCase();
      if (!allowed.includes(key) || key in values) continue; // the browser keeps the first of duplicates
      const value = match[2] ?? match[3] ?? match[4] ?? "";
      values[key] = value.includes("&") ? decodeHTMLAttribute(value) : value;
    }
  }
  const out: string[] = [];
  if (name === "a") {
    const href = values.href?.trim();
    const safe = href && /^mailto:/i.test(href) ? (/^mailto:[^\s"'<>]+$/i.test(href) ? href : undefined) : cleanUrl(href, base);
    out.push(`rel="ugc nofollow noopener"`);
    if (safe) out.push(`href="${escapeAttribute(safe)}"`);
    if (values.title) out.push(`title="${escapeAttribute(values.title)}"`);
  } else if (name === "img") {
    const raw = values.src?.trim();
    const src = raw && /^data:/i.test(raw) ? (SAFE_DATA_IMAGE.test(raw) ? raw : undefined) : cleanUrl(raw, base);
    if (!src || isTrackingPixel(values.width, values.height, src)) return null;
    out.push(`src="${escapeAttribute(src)}"`, `loading="lazy"`);
    const srcset = values.srcset ? cleanSrcset(values.srcset, base) : undefined;
    if (srcset) out.push(`srcset="${escapeAttribute(srcset)}"`);
    out.push(`alt="${escapeAttribute(values.alt ?? "")}"`);
    for (const key of ["title", "sizes"]) if (values[key]) out.push(`${key}="${escapeAttribute(values[key]!)}"`);
    for (const key of ["width", "height"]) if (values[key] && /^\d{1,5}$/.test(values[key]!)) out.push(`${key}="${values[key]}"`);
  } else {
    for (const key of allowed) {
      const value = values[key];
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
  for (const name of candidates) {
    if (html.charCodeAt(nameStart + name.length) === 62 /* > */ && html.startsWith(name, nameStart)) return name;
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
    TAG.lastIndex = lt;
    const match = TAG.exec(html);
    if (!match) {
      out += "&lt;";
      i = from = lt + 1;
      continue;
    }
    i = from = TAG.lastIndex;
    let name = match[2]!.toLowerCase();
    if (match[1] !== "/" && DROP_WITH_CONTENT.has(name)) {
      i = from = skipElement(html, i, name);
      continue;
    }
    name = RENAMED[name] ?? name;
    if (collecting && !INLINE.has(name)) textStart += " ";
    if (!(name in ALLOWED)) continue; // unknown or forbidden tag: dropped, its text kept
    if (match[1] === "/") {
      const at = open.lastIndexOf(name);
      if (at < 0) continue; // a stray end tag must not close anything of the page around the post
      while (open.length > at) out += `</${open.pop()}>`;
      continue;
    }
    const tag = openTag(name, match[3] ?? "", baseUrl);
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
 * Runs of white space as one space, trimmed, up to `limit` characters: a loop over the few hundred
 * characters an excerpt needs is ten times faster than replace(/\s+/g, " ") here.
 */
function collapseSpaces(text: string, limit: number): string {
  let out = "";
  let i = 0;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  let from = i;
  while (i < text.length && out.length + (i - from) < limit) {
    if (!isSpaceCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isSpaceCode(text.charCodeAt(end))) end++;
    if (end === text.length) break; // trailing space
    if (text.charCodeAt(i) !== 32 || end > i + 1) {
      out += `${text.slice(from, i)} `;
      from = end;
    }
    i = end;
  }
  return out + text.slice(from, i);
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
