// A child process that serves the benchmark corpus on several loopback addresses (so the worker's
// per-host limit applies as it would across many blogs), with ETag and Last-Modified support.
// Prints "ready <port>" when listening.
import http from "node:http";
import { feedXml } from "./ingest-corpus";

const [hostsArg, entriesArg] = process.argv.slice(2);
const hosts = Number(hostsArg ?? 16);
const entries = Number(entriesArg ?? 50);
const LAST_MODIFIED = new Date(Date.UTC(2026, 10, 1)).toUTCString();

const handler: http.RequestListener = (request, response) => {
  const match = request.url?.match(/^\/feeds\/(\d+)\.xml$/);
  if (!match) return void response.writeHead(404).end();
  const index = Number(match[1]);
  const etag = `"bench-${index}-v1"`;
  if (request.headers["if-none-match"] === etag || request.headers["if-modified-since"] === LAST_MODIFIED) {
    return void response.writeHead(304, { etag, "last-modified": LAST_MODIFIED }).end();
  }
  const body = feedXml(index, entries, `https://blog-${index}.example`);
  response.writeHead(200, { "content-type": index % 3 === 2 ? "application/atom+xml" : "application/rss+xml", etag, "last-modified": LAST_MODIFIED });
  response.end(body);
};

let port = 0;
for (let h = 1; h <= hosts; h++) {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, `127.0.0.${h}`, () => resolve());
  });
  port = (server.address() as { port: number }).port;
}
console.log(`ready ${port}`);
