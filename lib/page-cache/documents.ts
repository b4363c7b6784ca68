// The door writes a visitor's home, post, blog, category, tag and search pages itself, as
// documents, without handing them to Next (docs/decisions/012). Each page is the same as its React
// one: components/home-page.ts, post-page.ts, blog-page.ts, category-page.ts, tag-page.ts and
// search-page.ts write it for both. What only the build knows, the stylesheet's and the icon's hashed addresses, the door
// reads once from a page Next renders (learnDocumentAssets). Until it has them, for a page that does
// not exist (Next's 404 page) and when writing one fails (Next's error page), the request goes to
// Next as before.
import type { IncomingMessage, ServerResponse } from "node:http";
import { blogDocument, loadBlogPage } from "@/components/blog-page";
import { categoryDocument, loadCategoryPage } from "@/components/category-page";
import { homeDocument, loadHome } from "@/components/home-page";
import { loadSearchPage, searchDocument } from "@/components/search-page";
import { postDocument } from "@/components/post-page";
import { loadTag, loadTagPage, tagDocument } from "@/components/tag-page";
import type { DocumentAssets } from "@/components/site-shell";
import { type PublicPage, publicPageOf } from "@/lib/public-pages";
import { subscribeStateOf } from "@/components/subscribe-box";
import { getPublicPostPage } from "@/lib/posts/queries";
import { ZPostId } from "@/lib/posts/schemas";
import type { Render } from "./serve-page";

/** Where the nonce goes in the learned links (pageDocument puts the response's in its place). */
const NONCE_SLOT = "{nonce}";

/** The build's stylesheets and icon, as Next writes them into a page's head. */
const ASSET_LINK = /<link\b(?=[^>]*\brel="(?:stylesheet|icon)")[^>]*>/g;

/** The links a document needs from a page Next rendered, its nonce made a slot; null when it has no stylesheet. */
export function documentAssetsOf(page: string): DocumentAssets | null {
  const head = page.slice(0, Math.max(0, page.indexOf("</head>")));
  const links = (head.match(ASSET_LINK) ?? []).map((link) => link.replace(/\bnonce="[^"]*"/, `nonce="${NONCE_SLOT}"`));
  if (!links.some((link) => link.includes('rel="stylesheet"'))) return null;
  return { headLinks: links.join("") };
}

/**
 * Asks the door's own server for a page Next renders (a path no route has: the 404 page, which has
 * the layout's head and reads nothing from the database) and keeps its links. Null when that fails,
 * and the pages then stay with Next.
 */
export async function learnDocumentAssets(origin: string): Promise<DocumentAssets | null> {
  try {
    const page = await fetch(new URL("/_blogatlas/document-assets", origin), { signal: AbortSignal.timeout(30_000) });
    return documentAssetsOf(await page.text());
  } catch (error) {
    console.error(`pages stay with Next: the build's stylesheet could not be learned (${String(error)})`);
    return null;
  }
}

/** A query string as Next gives a page its `searchParams`: a parameter given twice is a list. */
type SearchParams = Record<string, string | string[] | undefined>;

function searchParamsOf(query: URLSearchParams): SearchParams {
  const params: SearchParams = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    params[key] = values.length > 1 ? values : values[0];
  }
  return params;
}

type Write = (segment: string, query: SearchParams, nonce: string, assets: DocumentAssets) => Promise<string | null>;

/**
 * The pages the door writes, by the first segment of their path; each gets the second, decoded, and
 * the query as its React page does (so both read it alike), through the same loader.
 */
const WRITERS: Record<PublicPage["kind"], Write> = {
  home: async (_segment, _query, nonce, assets) => homeDocument(await loadHome(), { nonce, assets }),
  posts: async (id, query, nonce, assets) => {
    const parsed = ZPostId.safeParse(id);
    const page = parsed.success ? await getPublicPostPage(parsed.data) : null;
    return page && postDocument(page, { nonce, subscribe: subscribeStateOf(query.subscription), assets });
  },
  blogs: async (slug, query, nonce, assets) => {
    const page = await loadBlogPage(slug, query.before);
    return page && blogDocument(page, { nonce, subscribe: subscribeStateOf(query.subscription), assets });
  },
  search: async (_segment, query, nonce, assets) => searchDocument(await loadSearchPage(query), { nonce, assets }),
  categories: async (slug, query, nonce, assets) => {
    const page = await loadCategoryPage(slug, query.after);
    return page && categoryDocument(page, { nonce, assets });
  },
  tags: async (slug, query, nonce, assets) => {
    const tag = await loadTag(slug);
    const page = tag && (await loadTagPage(tag, query.after));
    return page && tagDocument(page, { nonce, assets });
  },
};

/** The headers Next gives a page, for the document to be kept and served like one. */
const DOCUMENT_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["content-type", "text/html; charset=utf-8"],
  ["cache-control", "private, no-cache, no-store, max-age=0, must-revalidate"],
  // Next answers the same address differently to its router's requests (which the door hands to Next).
  ["vary", "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch"],
];

/**
 * A render for the door (lib/page-cache/serve-page.ts) that writes a public directory page as a
 * document, and hands the request to `next` when it cannot: no assets yet, no such page.
 */
export function documentRender(assets: () => DocumentAssets | null, next: Render): Render {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const known = assets();
    const url = new URL(request.url ?? "/", "http://door");
    const page = publicPageOf(url.pathname);
    let segment: string | undefined;
    try {
      segment = page ? decodeURIComponent(page.segment) : undefined;
    } catch {
      // A malformed escape: Next answers it.
    }
    // The door's handOver gave the request this response's nonce, and the response its policy.
    const nonce = String(request.headers["x-nonce"] ?? "");
    const write = page ? WRITERS[page.kind] : undefined;
    let document: string | null = null;
    try {
      document = known && write && segment !== undefined ? await write(segment, searchParamsOf(url.searchParams), nonce, known) : null;
    } catch (error) {
      // The database away, say: Next tries the page again and, failing too, answers with the site's error page.
      console.error(`writing ${request.url} as a document failed: ${String(error)}`);
    }
    if (!document) return next(request, response);
    response.statusCode = 200;
    for (const [name, value] of DOCUMENT_HEADERS) response.setHeader(name, value);
    response.end(document);
  };
}
