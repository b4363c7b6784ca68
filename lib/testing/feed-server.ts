// A local HTTP server that plays the part of the blogs in tests: each path gets a handler, and every
// request is recorded. serveFeed answers like a well-behaved blog (ETag, Last-Modified, 304s).
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;
export type Recorded = { path: string; headers: http.IncomingHttpHeaders; at: number };

export type FeedServer = {
  port: number;
  /** host:port as INGEST_ALLOW_HOSTS names it */
  hostPort: string;
  url(path: string): string;
  route(path: string, handler: Handler): void;
  serveFeed(path: string, body: () => string, options?: { contentType?: string; encoding?: "gzip" | "br"; headers?: Record<string, string> }): void;
  requests: Recorded[];
  /** The most requests that were in progress at once. */
  peakConcurrency(): number;
  close(): Promise<void>;
};

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Handler>();
  const requests: Recorded[] = [];
  let active = 0;
  let peak = 0;
  const server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push({ path, headers: request.headers, at: Date.now() });
    active++;
    peak = Math.max(peak, active);
    response.on("close", () => active--);
    const handler = routes.get(path) ?? routes.get(path.split("?")[0]!);
    if (!handler) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    handler(request, response);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const sockets = new Set<import("node:net").Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return {
    port,
    hostPort: `127.0.0.1:${port}`,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, handler) => routes.set(path, handler),
    serveFeed(path, body, options = {}) {
      routes.set(path, (request, response) => {
        const text = body();
        const etag = `"${createHash("sha1").update(text).digest("hex").slice(0, 16)}"`;
        const lastModified = new Date(Date.UTC(2026, 0, 1)).toUTCString();
        const headers: Record<string, string> = { etag, "last-modified": lastModified, "content-type": options.contentType ?? "application/rss+xml; charset=utf-8", ...options.headers };
        if (request.headers["if-none-match"] === etag) {
          response.writeHead(304, headers).end();
          return;
        }
        let payload: Buffer = Buffer.from(text);
        if (options.encoding === "gzip") payload = zlib.gzipSync(payload);
        if (options.encoding === "br") payload = zlib.brotliCompressSync(payload);
        if (options.encoding) headers["content-encoding"] = options.encoding;
        response.writeHead(200, headers).end(payload);
      });
    },
    requests,
    peakConcurrency: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A small RSS 2.0 document. */
export function rss(items: Array<{ guid?: string; link?: string; title: string; description?: string; pubDate?: string; extra?: string }>, channel: { title?: string; link?: string; extra?: string } = {}): string {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>${escape(channel.title ?? "Test Blog")}</title><link>${channel.link ?? "https://blog.example/"}</link><description>A blog for tests</description>${channel.extra ?? ""}
${items
  .map(
    (item) => `<item>${item.guid ? `<guid isPermaLink="false">${escape(item.guid)}</guid>` : ""}${item.link ? `<link>${escape(item.link)}</link>` : ""}<title>${escape(item.title)}</title>${
      item.description !== undefined ? `<description>${escape(item.description)}</description>` : ""
    }${item.pubDate ? `<pubDate>${item.pubDate}</pubDate>` : ""}${item.extra ?? ""}</item>`,
  )
  .join("\n")}
</channel></rss>`;
}
