// Mirrored HTML is a stranger's: it is sanitized on the way in with an allow-list (text, links,
// images, lists, quotes, code, tables, headings), never on the way out. Links and images are made
// absolute (srcset too), links get rel="ugc nofollow noopener", tracking pixels and utm_*/fbclid
// parameters go, and the excerpt, lead image and reading time are computed from the result.
import sanitizeHtml from "sanitize-html";

const TRACKING_PARAMS = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|yclid|__s)$/i;
const TRACKING_IMAGE_HOSTS = /(^|\.)(feeds\.feedburner\.com|feedproxy\.google\.com|pixel\.wp\.com|stats\.wordpress\.com|feedblitz\.com|pixel\.quantserve\.com|www\.google-analytics\.com|analytics\.twitter\.com)$/i;
const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i;

/** Absolute http(s) URL with tracking parameters removed, or undefined when unsafe or invalid. */
export function cleanUrl(raw: string | undefined, base: string): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  return url.href;
}

function cleanSrcset(srcset: string, base: string): string | undefined {
  const parts = srcset
    .split(/,\s+/)
    .map((candidate) => {
      const [src, descriptor] = candidate.trim().split(/\s+/, 2);
      const url = cleanUrl(src, base);
      return url ? (descriptor ? `${url} ${descriptor}` : url) : undefined;
    })
    .filter(Boolean);
  return parts.length ? parts.join(", ") : undefined;
}

function isTrackingPixel(attribs: Record<string, string>, src: string | undefined): boolean {
  if (Number(attribs.width) === 1 && Number(attribs.height) === 1) return true;
  if (Number(attribs.width) === 0 || Number(attribs.height) === 0) return attribs.width !== undefined && attribs.height !== undefined;
  if (!src) return false;
  try {
    return TRACKING_IMAGE_HOSTS.test(new URL(src).hostname);
  } catch {
    return false;
  }
}

function options(base: string): sanitizeHtml.IOptions {
  return {
    allowedTags: [
      "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "a", "img", "figure", "figcaption", "blockquote", "q", "cite",
      "ul", "ol", "li", "dl", "dt", "dd", "pre", "code", "kbd", "samp", "var", "em", "strong", "b", "i", "u", "s", "del",
      "ins", "sub", "sup", "small", "mark", "abbr", "time", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
      "caption", "span", "div", "details", "summary",
    ],
    allowedAttributes: {
      a: ["href", "title", "rel"],
      img: ["src", "srcset", "sizes", "alt", "title", "width", "height", "loading"],
      td: ["colspan", "rowspan"],
      th: ["colspan", "rowspan", "scope"],
      abbr: ["title"],
      time: ["datetime"],
      ol: ["start", "reversed"],
      code: ["class"],
      pre: ["class"],
      blockquote: ["cite"],
    },
    allowedClasses: { code: ["language-*", "lang-*"], pre: ["language-*", "lang-*"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https", "data"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    // Elements whose text must not leak out as text when the element itself is removed.
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "svg", "math", "iframe", "object", "embed", "template", "form", "select", "button", "head", "title"],
    transformTags: {
      h1: "h2",
      a: (tagName, attribs) => {
        const href = attribs.href?.trim().toLowerCase().startsWith("mailto:") ? attribs.href : cleanUrl(attribs.href, base);
        const out: Record<string, string> = { rel: "ugc nofollow noopener" };
        if (href) out.href = href;
        if (attribs.title) out.title = attribs.title;
        return { tagName, attribs: out };
      },
      img: (tagName, attribs) => {
        const rawSrc = attribs.src?.trim();
        const src = rawSrc && /^data:/i.test(rawSrc) ? (SAFE_DATA_IMAGE.test(rawSrc) ? rawSrc : undefined) : cleanUrl(rawSrc ?? attribs["data-src"], base);
        // An img without src is removed whole by exclusiveFilter below.
        if (!src || isTrackingPixel(attribs, src)) return { tagName, attribs: {} };
        const out: Record<string, string> = { src, loading: "lazy" };
        const srcset = attribs.srcset ? cleanSrcset(attribs.srcset, base) : undefined;
        if (srcset) out.srcset = srcset;
        for (const key of ["alt", "title", "width", "height", "sizes"]) if (attribs[key] !== undefined) out[key] = attribs[key]!;
        out.alt ??= "";
        return { tagName, attribs: out };
      },
      blockquote: (tagName, attribs) => {
        const cite = cleanUrl(attribs.cite, base);
        return { tagName, attribs: cite ? { cite } : ({} as Record<string, string>) };
      },
    },
    exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
  };
}

export function sanitizeEntryHtml(html: string, baseUrl: string): string {
  return sanitizeHtml(html, options(baseUrl)).trim();
}

export type ContentFacts = { excerpt: string; imageUrl?: string; readingMinutes: number; text: string };

/** Excerpt, lead image and reading time of sanitized HTML. */
export function contentFacts(safeHtml: string, explicitImage?: string): ContentFacts {
  const text = safeHtml
    .replace(/<(br|\/p|\/li|\/h\d|\/blockquote|\/div|\/figcaption)\b[^>]*>/gi, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  const excerpt = text.length > 300 ? `${text.slice(0, 297).replace(/\s+\S*$/, "")}…` : text;
  const words = text ? text.split(" ").length : 0;
  const firstImage = safeHtml.match(/<img\b[^>]*\ssrc="(https?:[^"]+)"/i)?.[1]?.replace(/&amp;/g, "&");
  return { excerpt, imageUrl: explicitImage ?? firstImage, readingMinutes: Math.max(1, Math.round(words / 220)), text };
}
