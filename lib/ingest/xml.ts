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

/** The character of a numeric reference, from what follows its "&#" ("60", "x3C"), or undefined when it names none. */
function decodeNumericReference(number: string): string | undefined {
  const hex = number.charCodeAt(0) === 120 || number.charCodeAt(0) === 88; /* x X */
  const digits = hex ? number.slice(1) : number;
  if (!digits || !(hex ? /^[0-9a-f]+$/i : /^[0-9]+$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
}

/**
 * Decodes XML's five named references and numeric references. Others (&nbsp; in an RSS
 * description) are left as written: in HTML content the browser reads them, in plain text
 * parse-feed decodes them with the HTML table.
 *
 * One walk from "&" to "&" (a native search), left to right, so that each reference is read once
 * and "&amp;lt;" gives "&lt;". The five named ones are recognised by their characters; anything
 * else is read up to a ";" at most ten characters on, so that a text of many bare "&" and one
 * far ";" stays linear (a search to that ";" from every "&" took 2.4 s for a megabyte of "& "). It
 * replaced, for a post's escaped HTML, one pass over its UTF-8 bytes in a reused buffer, and
 * before that four replace passes: the walk copies only the spans between references, and took
 * 40 ms where the byte pass took 53, for 5,000 posts (32 MB), the result's flattening included.
 */
export function decodeXmlText(text: string): string {
  let amp = text.indexOf("&");
  if (amp < 0) return text;
  let out = "";
  let from = 0;
  const length = text.length;
  while (amp >= 0) {
    const next = text.charCodeAt(amp + 1);
    let replacement: string | undefined;
    let end = amp + 4; // just past the reference
    if (next === 108 /* l */ && text.charCodeAt(amp + 2) === 116 && text.charCodeAt(amp + 3) === 59) replacement = "<";
    else if (next === 103 /* g */ && text.charCodeAt(amp + 2) === 116 && text.charCodeAt(amp + 3) === 59) replacement = ">";
    else if (next === 97 /* a */ && text.startsWith("mp;", amp + 2)) {
      replacement = "&";
      end = amp + 5;
    } else if (next === 113 /* q */ && text.startsWith("uot;", amp + 2)) {
      replacement = '"';
      end = amp + 6;
    } else if (next === 97 /* a */ && text.startsWith("pos;", amp + 2)) {
      replacement = "'";
      end = amp + 6;
    } else if (next === 35 /* # */) {
      let semi = amp + 2;
      const last = Math.min(amp + 10, length - 1);
      while (semi <= last && text.charCodeAt(semi) !== 59) semi++;
      if (semi <= last) {
        replacement = decodeNumericReference(text.slice(amp + 2, semi));
        end = semi + 1;
      }
    }
    if (replacement === undefined) {
      amp = text.indexOf("&", amp + 1);
      continue;
    }
    out += text.slice(from, amp) + replacement;
    from = end;
    amp = text.indexOf("&", from);
  }
  return from === 0 ? text : out + text.slice(from);
}

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
