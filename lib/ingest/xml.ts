// A small, forgiving XML reader for feeds: one pass with indexOf over the text, building a light
// tree of elements with resolved namespaces, decoded attributes and decoded character data (text
// and CDATA). It never expands declared entities (parse-feed refuses DTDs that declare any before
// calling it) and never fetches anything. Malformed input is read the way feed readers read it:
// a stray "<" is text, an unmatched end tag is ignored, unclosed elements end with the document.
//
// Why our own: feeds are mostly large CDATA or escaped HTML blobs, which a general parser walks
// character by character and then copies into an object tree. Slicing them out with indexOf is
// what lets parse + sanitize beat the peer's parse alone (issue 3, docs/decisions/006).

export type XmlElement = {
  /** The local name, lower-cased (feeds are loose about case: pubdate, pubDate). */
  local: string;
  /** The namespace URI; "" for none. An undeclared prefix resolves to a well-known URI or "prefix:<p>". */
  ns: string;
  /** Attributes by name as written (prefix included), values decoded. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (text and CDATA, entities decoded), children's excluded. */
  text: string;
  /** Where the element's content begins and ends in the source, for markup kept raw (Atom xhtml). */
  innerStart: number;
  innerEnd: number;
  /** Prefix → namespace URI in scope at this element. */
  scope: Scope;
};

type Scope = Record<string, string>;

export const NS = {
  atom: "http://www.w3.org/2005/Atom",
  atom03: "http://purl.org/atom/ns#",
  rss090: "http://my.netscape.com/rdf/simple/0.9/",
  rss10: "http://purl.org/rss/1.0/",
  rss20: "http://backend.userland.com/rss2",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  dc: "http://purl.org/dc/elements/1.1/",
  dcterms: "http://purl.org/dc/terms/",
  content: "http://purl.org/rss/1.0/modules/content/",
  media: "http://search.yahoo.com/mrss/",
  xhtml: "http://www.w3.org/1999/xhtml",
  xml: "http://www.w3.org/XML/1998/namespace",
} as const;

/** Prefixes feeds use without declaring them; read as the namespace everyone means by them. */
const WELL_KNOWN_PREFIXES: Scope = {
  xml: NS.xml,
  atom: NS.atom,
  atom10: NS.atom,
  rdf: NS.rdf,
  dc: NS.dc,
  dcterms: NS.dcterms,
  content: NS.content,
  media: NS.media,
  xhtml: NS.xhtml,
};

/** Namespace URIs that differ only by a trailing slash or a known alias are read as one. */
const NS_ALIASES: Record<string, string> = {
  "http://search.yahoo.com/mrss": NS.media,
  "http://purl.org/dc/elements/1.0/": NS.dc,
  "http://purl.org/dc/terms": NS.dcterms,
  "http://www.w3.org/2005/atom": NS.atom,
};

const ROOT_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { xml: NS.xml });

export class XmlSyntaxError extends Error {}

function decodeReference(name: string): string | undefined {
  if (name.charCodeAt(0) === 35 /* # */) {
    const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88;
    const digits = name.slice(hex ? 2 : 1);
    if (!digits || !(hex ? /^[0-9a-f]+$/i : /^[0-9]+$/).test(digits)) return undefined;
    const code = parseInt(digits, hex ? 16 : 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
  }
  switch (name) {
    case "amp": return "&";
    case "lt": return "<";
    case "gt": return ">";
    case "quot": return '"';
    case "apos": return "'";
    default: return undefined;
  }
}

/**
 * Decodes XML's five named references and numeric references. Others (&nbsp; in an RSS
 * description) are left as written: in HTML content the browser reads them, in plain text
 * parse-feed decodes them with the HTML table.
 */
export function decodeXmlText(text: string): string {
  let amp = text.indexOf("&");
  if (amp < 0) return text;
  if (text.length >= 1024) {
    const decoded = decodeNamedAsBytes(text);
    if (decoded !== undefined) return decoded;
  }
  if (text.indexOf("&#", amp) < 0) {
    // Only named references (escaped HTML, mostly): native replaceAll passes are several times
    // faster than the loop below. &amp; goes last, so "&amp;lt;" becomes "&lt;", not "<".
    // A pass is skipped when its entity is absent (a search costs less than a copy).
    let out = text.replace(LT, "<").replace(GT, ">");
    // Each of the other three is looked for with includes, a native search: a walk over the "&"s
    // left ran to the end of every post that had no &apos;, which is most.
    if (out.includes("&quot;")) out = out.replace(QUOT, '"');
    if (out.includes("&apos;")) out = out.replace(APOS, "'");
    return out.includes("&amp;") ? out.replace(AMP, "&") : out;
  }
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = text.indexOf(";", amp + 2);
    if (semi < 0) break;
    const replacement = semi - amp <= 10 ? decodeReference(text.slice(amp + 1, semi)) : undefined;
    if (replacement === undefined) {
      amp = text.indexOf("&", amp + 1);
      continue;
    }
    out += text.slice(from, amp) + replacement;
    from = semi + 1;
    amp = text.indexOf("&", from);
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Reused by decodeNamedAsBytes for texts up to a megabyte (UTF-8 takes up to 3 bytes a UTF-16 unit). */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);

/**
 * decodeXmlText for a long text (a post's escaped HTML): the five named references replaced in one
 * pass over its UTF-8 bytes, which is a quarter faster than the passes of replace below and makes
 * no string but the result. The references are ASCII, so replacing bytes cannot touch a multi-byte
 * character; left to right, each reference is read once, so "&amp;lt;" gives "&lt;", as &amp; going
 * last does below (a property test holds the two equal). Undefined at the first numeric reference,
 * for the loop below: looking for "&#" first cost as much as the pass, in a text full of "&".
 * The text must be well-formed UTF-16, as decodeFeedBody's always is: a lone surrogate would come
 * back as U+FFFD from the round trip through UTF-8.
 */
function decodeNamedAsBytes(text: string): string | undefined {
  const most = text.length * 3 + 6;
  if (most > scratch.length && most <= 3 * 1024 * 1024) scratch = Buffer.allocUnsafeSlow(most);
  const bytes = most <= scratch.length ? scratch : Buffer.allocUnsafeSlow(most);
  const length = bytes.write(text, 0, "utf8");
  // Zeros after the text, so that the look-ahead below never reads a reference out of old bytes.
  bytes.fill(0, length, length + 6);
  let out = 0;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i]!;
    if (byte === 38 /* & */) {
      const next = bytes[i + 1];
      if (next === 108 /* l */ && bytes[i + 2] === 116 && bytes[i + 3] === 59) {
        bytes[out++] = 60; // &lt;
        i += 3;
        continue;
      }
      if (next === 103 /* g */ && bytes[i + 2] === 116 && bytes[i + 3] === 59) {
        bytes[out++] = 62; // &gt;
        i += 3;
        continue;
      }
      if (next === 97 /* a */) {
        if (bytes[i + 2] === 109 && bytes[i + 3] === 112 && bytes[i + 4] === 59) {
          bytes[out++] = 38; // &amp;
          i += 4;
          continue;
        }
        if (bytes[i + 2] === 112 && bytes[i + 3] === 111 && bytes[i + 4] === 115 && bytes[i + 5] === 59) {
          bytes[out++] = 39; // &apos;
          i += 5;
          continue;
        }
      }
      if (next === 113 /* q */ && bytes[i + 2] === 117 && bytes[i + 3] === 111 && bytes[i + 4] === 116 && bytes[i + 5] === 59) {
        bytes[out++] = 34; // &quot;
        i += 5;
        continue;
      }
      if (next === 35 /* # */) return undefined;
    }
    bytes[out++] = byte;
  }
  return bytes.toString("utf8", 0, out);
}

// Global regular expressions with a plain replacement: measured faster than replaceAll here.
const LT = /&lt;/g;
const GT = /&gt;/g;
const QUOT = /&quot;/g;
const APOS = /&apos;/g;
const AMP = /&amp;/g;

const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;
/** Name characters end at whitespace, "/", ">", "=", quotes or "<". */
const endsName = (code: number) => code <= 32 || code === 47 || code === 62 || code === 61 || code === 34 || code === 39 || code === 60;
/** A start tag's first character: a letter, "_", ":" or anything beyond ASCII. */
const startsName = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 58 || code > 127;

function resolvePrefix(scope: Scope, prefix: string): string {
  return canonicalNamespace(scope[prefix] ?? WELL_KNOWN_PREFIXES[prefix] ?? `prefix:${prefix}`);
}

/** Namespace URIs as read, each seen once per process: a feed names the same few on every element. */
const CANONICAL = new Map<string, string>();
function canonicalNamespace(uri: string): string {
  let canonical = CANONICAL.get(uri);
  if (canonical === undefined) {
    canonical = NS_ALIASES[uri] ?? NS_ALIASES[uri.toLowerCase()] ?? uri;
    if (CANONICAL.size >= 1000) CANONICAL.clear(); // a hostile feed's thousand namespaces do not grow it
    CANONICAL.set(uri, canonical);
  }
  return canonical;
}

function makeElement(qualified: string, attrs: Record<string, string>, parentScope: Scope, innerStart: number): XmlElement {
  let scope = parentScope;
  for (const key in attrs) {
    if (key === "xmlns" || key.startsWith("xmlns:")) {
      if (scope === parentScope) scope = Object.create(parentScope) as Scope;
      scope[key === "xmlns" ? "" : key.slice(6)] = attrs[key]!.trim();
    }
  }
  const colon = qualified.indexOf(":");
  const prefix = colon < 0 ? "" : qualified.slice(0, colon);
  const local = (colon < 0 ? qualified : qualified.slice(colon + 1)).toLowerCase();
  const ns = prefix ? resolvePrefix(scope, prefix) : canonicalNamespace(scope[""] ?? "");
  return { local, ns, attrs, children: [], text: "", innerStart, innerEnd: innerStart, scope };
}

/** Reads attributes from `at` (just after the name) to the tag's end; returns where the tag ends. */
function readAttributes(source: string, at: number, attrs: Record<string, string>): { end: number; selfClosing: boolean } {
  const length = source.length;
  let i = at;
  while (i < length) {
    let code = source.charCodeAt(i);
    while (isSpace(code)) code = source.charCodeAt(++i);
    if (code === 62 /* > */) return { end: i + 1, selfClosing: false };
    if (code === 47 /* / */ && source.charCodeAt(i + 1) === 62) return { end: i + 2, selfClosing: true };
    if (i >= length) break;
    const nameStart = i;
    while (i < length && !endsName(source.charCodeAt(i))) i++;
    if (i === nameStart) {
      i++; // a stray quote, "=" or "/": skip it
      continue;
    }
    const name = source.slice(nameStart, i);
    code = source.charCodeAt(i);
    while (isSpace(code)) code = source.charCodeAt(++i);
    if (code !== 61 /* = */) {
      if (!(name in attrs)) attrs[name] = "";
      continue;
    }
    code = source.charCodeAt(++i);
    while (isSpace(code)) code = source.charCodeAt(++i);
    let value: string;
    if (code === 34 || code === 39) {
      const close = source.indexOf(code === 34 ? '"' : "'", i + 1);
      if (close < 0) break;
      value = source.slice(i + 1, close);
      i = close + 1;
    } else {
      const valueStart = i;
      while (i < length && !isSpace(source.charCodeAt(i)) && source.charCodeAt(i) !== 62) i++;
      value = source.slice(valueStart, i);
    }
    if (!(name in attrs)) attrs[name] = decodeXmlText(value);
  }
  throw new XmlSyntaxError("a tag is not closed before the end of the document");
}

/** Skips a DOCTYPE, internal subset included; returns the index after it. */
function skipDoctype(source: string, at: number): number {
  const gt = source.indexOf(">", at);
  const bracket = source.indexOf("[", at);
  if (bracket >= 0 && (gt < 0 || bracket < gt)) {
    const close = source.indexOf("]", bracket);
    const end = close < 0 ? -1 : source.indexOf(">", close);
    return end < 0 ? source.length : end + 1;
  }
  return gt < 0 ? source.length : gt + 1;
}

/** Parses a document and returns its root element. Throws XmlSyntaxError when there is none. */
export function parseXml(source: string): XmlElement {
  const document = makeElement("#document", {}, ROOT_SCOPE, 0);
  const stack: XmlElement[] = [document];
  const names: string[] = ["#document"];
  /** The names of the open elements as written, for the end tags that repeat them exactly. */
  const writtenNames: string[] = ["#document"];
  let top = document;
  const length = source.length;
  let i = 0;
  while (i < length) {
    const lt = source.indexOf("<", i);
    if (lt < 0) {
      if (stack.length > 1) top.text += decodeXmlText(source.slice(i));
      break;
    }
    if (lt > i && stack.length > 1) top.text += decodeXmlText(source.slice(i, lt));
    const next = source.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (source.startsWith("<![CDATA[", lt)) {
        const end = source.indexOf("]]>", lt + 9);
        top.text += source.slice(lt + 9, end < 0 ? length : end);
        i = end < 0 ? length : end + 3;
      } else if (source.startsWith("<!--", lt)) {
        const end = source.indexOf("-->", lt + 4);
        i = end < 0 ? length : end + 3;
      } else i = skipDoctype(source, lt);
      continue;
    }
    if (next === 63 /* ? */) {
      const end = source.indexOf("?>", lt + 2);
      i = end < 0 ? length : end + 2;
      continue;
    }
    if (next === 47 /* / */) {
      const gt = source.indexOf(">", lt);
      const end = gt < 0 ? length : gt;
      // Nearly always the end tag of the element on top, written as its start tag was: then its
      // name need not be cut out, trimmed and lower-cased to be found.
      const written = writtenNames[writtenNames.length - 1]!;
      const onTop = stack.length > 1 && end - lt - 2 === written.length && source.startsWith(written, lt + 2);
      const at = onTop ? stack.length - 1 : names.lastIndexOf(source.slice(lt + 2, end).trim().toLowerCase());
      if (at > 0) {
        while (stack.length > at) {
          stack.pop()!.innerEnd = lt;
          names.pop();
          writtenNames.pop();
        }
        top = stack[stack.length - 1]!;
      }
      i = end + 1;
      continue;
    }
    if (!startsName(next)) {
      // Not a tag: a "<" in text, as loose feeds write it.
      if (stack.length > 1) top.text += "<";
      i = lt + 1;
      continue;
    }
    let j = lt + 1;
    while (j < length && !endsName(source.charCodeAt(j))) j++;
    const name = source.slice(lt + 1, j);
    const attrs: Record<string, string> = {};
    const { end, selfClosing } = readAttributes(source, j, attrs);
    const element = makeElement(name, attrs, top.scope, end);
    top.children.push(element);
    if (!selfClosing) {
      stack.push(element);
      names.push(name.toLowerCase());
      writtenNames.push(name);
      top = element;
    }
    i = end;
  }
  while (stack.length > 1) stack.pop()!.innerEnd = length;
  const root = document.children[0];
  if (!root) throw new XmlSyntaxError("the document has no elements");
  return root;
}

/** Attribute `local` in namespace `ns` ("" for an unprefixed attribute). */
export function attribute(element: XmlElement, ns: string, local: string): string | undefined {
  if (!ns) return element.attrs[local];
  for (const key in element.attrs) {
    const colon = key.indexOf(":");
    if (colon > 0 && key.slice(colon + 1) === local && resolvePrefix(element.scope, key.slice(0, colon)) === ns) return element.attrs[key];
  }
  return undefined;
}
