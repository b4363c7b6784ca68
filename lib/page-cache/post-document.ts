// The door writes a visitor's post page itself, as a document, without handing it to Next
// (docs/decisions/012). The page is the same as the React one: components/post-page.ts writes its
// article for both. What only the build knows, the stylesheet's and the icon's hashed addresses,
// the door reads once from a page Next renders (learnDocumentAssets); until it has them, and for a
// post that does not exist (Next's 404 page), the request goes to Next as before.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type DocumentAssets, postDocument } from "@/components/post-page";
import { subscribeStateOf } from "@/components/subscribe-box";
import { getPublicPostPage } from "@/lib/posts/queries";
import { ZPostId } from "@/lib/posts/schemas";
import type { Render } from "./serve-page";

/** Where the nonce goes in the learned links (postDocument puts the response's in its place). */
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
 * and post pages then stay with Next.
 */
export async function learnDocumentAssets(origin: string): Promise<DocumentAssets | null> {
  try {
    const page = await fetch(new URL("/_blogatlas/document-assets", origin), { signal: AbortSignal.timeout(30_000) });
    return documentAssetsOf(await page.text());
  } catch (error) {
    console.error(`post pages stay with Next: the build's stylesheet could not be learned (${String(error)})`);
    return null;
  }
}

const POST_ID = /^\/posts\/([^/?]+)/;

/** The headers Next gives a page, for the document to be kept and served like one. */
const DOCUMENT_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["content-type", "text/html; charset=utf-8"],
  ["cache-control", "private, no-cache, no-store, max-age=0, must-revalidate"],
  // Next answers the same address differently to its router's requests (which the door hands to Next).
  ["vary", "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch"],
];

/**
 * A render for the door (lib/page-cache/serve-page.ts) that writes a post page as a document, and
 * hands the request to `next` when it cannot: no assets yet, an id that is no post's.
 */
export function postDocumentRender(assets: () => DocumentAssets | null, next: Render): Render {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const known = assets();
    const url = new URL(request.url ?? "/", "http://door");
    let id: string | undefined;
    try {
      id = decodeURIComponent(POST_ID.exec(url.pathname)?.[1] ?? "");
    } catch {
      // A malformed escape: Next answers it.
    }
    const parsed = ZPostId.safeParse(id);
    const page = known && parsed.success ? await getPublicPostPage(parsed.data) : null;
    if (!known || !page) return next(request, response);
    // The door's handOver gave the request this response's nonce, and the response its policy.
    const nonce = String(request.headers["x-nonce"] ?? "");
    const document = postDocument(page, { nonce, subscribe: subscribeStateOf(url.searchParams.get("subscription")), assets: known });
    response.statusCode = 200;
    for (const [name, value] of DOCUMENT_HEADERS) response.setHeader(name, value);
    response.end(document);
  };
}
