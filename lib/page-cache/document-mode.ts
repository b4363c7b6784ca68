// Post pages are read, not used: the door serves them to visitors as documents, without Next's
// client runtime (React, the router and the page's RSC payload, ~140 KB compressed, more than the
// whole page). Everything on a post page works without it: links are links, the subscribe form
// posts to a route handler, and "Copy link" and the share sheet come from the page's own small
// script (components/share-links.ts). docs/decisions/010-post-pages-as-documents.md says why.
//
// The door writes most of them itself, and home, blog, category, tag and search pages too (documents.ts,
// decision 012). This transform is for those Next still renders for it: the moments before the door
// has learned the build's stylesheet. Members with a session and client-side navigations get the
// full page from Next, with its runtime.

/** Next's script files, and the preloads for them (`as="script"`, `modulepreload`). */
const RUNTIME_FILE = /<script\b[^>]*\bsrc="\/_next\/[^"]*"[^>]*><\/script>/g;
const RUNTIME_PRELOAD = /<link\b(?=[^>]*\bhref="\/_next\/[^"]*")(?=[^>]*(?:\bas="script"|\brel="modulepreload"))[^>]*>/g;
/**
 * Next's inline scripts: the RSC payload for hydration (self.__next_f) and the bundler's chunk
 * registry (globalThis.TURBOPACK). Their contents are JSON strings in which Next escapes "<", so
 * the first "</script>" ends them.
 */
const RUNTIME_INLINE = /<script\b[^>]*>(?:\(?self\.__next_f|\(globalThis\["TURBOPACK"\])[\s\S]*?<\/script>/g;

/** The page without Next's client runtime; everything else (styles, JSON-LD, the page's own script) as rendered. */
export function withoutClientRuntime(html: string): string {
  // The door's own documents (most of these pages) carry none: one scan instead of three rewrites.
  if (!html.includes('src="/_next/') && !html.includes("__next_f") && !html.includes('"TURBOPACK"')) return html;
  return html.replace(RUNTIME_FILE, "").replace(RUNTIME_PRELOAD, "").replace(RUNTIME_INLINE, "");
}
