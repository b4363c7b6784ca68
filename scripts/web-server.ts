// The production web process (npm start runs it through scripts/serve.ts): Next's request handler
// behind a door that answers public pages from the page cache (docs/decisions/007). A hit is sent
// from here with a fresh nonce and never reaches Next; a miss is rendered by Next straight into the
// visitor's response and kept on the way out. The door also compresses every response (Next's own
// compression is off, or it would compress the pages before the cache could keep them) and counts
// the post views of the pages it handles.
//   tsx --conditions=react-server scripts/web-server.ts --port 3000   (NODE_ENV=production)
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import compression from "compression";
import next from "next";
import { loadSettings } from "@/lib/env";
import { countPostView, flushViewsEvery, storePostViews, ViewCounter } from "@/lib/analytics/post-views";
import { dropMemo, setMemoLive } from "@/lib/page-cache/data-memo";
import { withoutClientRuntime } from "@/lib/page-cache/document-mode";
import { listenForPageChanges } from "@/lib/page-cache/listen";
import { newNonce, PageCache } from "@/lib/page-cache/page-cache";
import { documentRender, learnDocumentAssets } from "@/lib/page-cache/documents";
import { BYPASS_HEADER, cacheKeyOf, failRequest, servePage } from "@/lib/page-cache/serve-page";
import { pathOf } from "@/lib/public-pages";

// A missing or malformed setting stops the process here with one clear message (security.md 16),
// before Next would print the same inside a stack trace.
try {
  loadSettings();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const { values } = parseArgs({ options: { port: { type: "string" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);

const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// compression is written for Express; the plain Node request and response are all it uses.
const compress = compression() as unknown as (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
const cache = new PageCache();
cache.onDrop = dropMemo;
const listener =
  process.env.PAGE_CACHE === "off"
    ? undefined
    : listenForPageChanges(
        process.env.DATABASE_URL ?? "",
        (tags) => cache.invalidate(tags),
        () => {
          cache.clear();
          setMemoLive(false);
        },
      );
// Visitors' home, post, blog, category, tag and search pages are written by the door as documents
// (lib/page-cache/documents.ts), once it has learned the build's stylesheet from Next (just after it
// starts listening).
let documentAssets: Awaited<ReturnType<typeof learnDocumentAssets>> = null;
const renderDocument = documentRender(() => documentAssets, handle);
const views = new ViewCounter();
const flusher = flushViewsEvery(views);

const headerReader = (request: IncomingMessage) => ({
  get(name: string): string | null {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(", ") : (value ?? null);
  },
});

const server = createServer((request, response) => {
  // Only the door says a request was handed over from the cache; a client's copy means nothing.
  delete request.headers[BYPASS_HEADER];
  // As Next does when no proxy in front named the client (see README, "Deploying").
  request.headers["x-forwarded-for"] ??= request.socket.remoteAddress;
  // Next answers its own errors with its error page; anything that still escapes ends this response
  // with a 500 rather than as an unhandled rejection, which would stop the process.
  const failed = (error: unknown) => failRequest(request, response, error);
  compress(request, response, () => {
    const key = listener ? cacheKeyOf(request) : null;
    if (!listener || key === null) return void handle(request, response).catch(failed);
    countPostView(views, request.method, pathOf(key), headerReader(request));
    setMemoLive(listener.connected);
    // The pages with a key (home, post, blog, category, tag and search: lib/public-pages.ts) go out
    // as documents, written by the door; those Next renders (a 404, the first moments after a start)
    // lose its client runtime on the way (document-mode.ts).
    servePage(request, response, { key, nonce: newNonce(), cache, canUseCache: listener.connected, render: renderDocument, transform: withoutClientRuntime }).catch(failed);
  });
});
server.listen(port, async () => {
  documentAssets = await learnDocumentAssets(`http://127.0.0.1:${port}`);
  console.log(`web process ready on port ${port}`);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(flusher);
  server.close();
  server.closeIdleConnections();
  await Promise.allSettled([views.flush(storePostViews), listener?.stop()]);
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
