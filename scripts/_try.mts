import { readFileSync, readdirSync } from "node:fs";
import { parseFeedText } from "@/lib/ingest/parse-feed";
import { decodeFeedBody } from "@/lib/ingest/decode";
const dir = "/work/shared/fixtures/feeds/real-world";
for (const f of readdirSync(dir)) {
  if (f === "LICENSE") continue;
  try {
    const { text } = decodeFeedBody(readFileSync(`${dir}/${f}`));
    const feed = parseFeedText(text, `https://example.com/${f}`);
    const e = feed.entries[0];
    console.log(f.padEnd(32), feed.format, feed.entries.length, JSON.stringify({ t: feed.title.slice(0, 30), id: e?.identityKey.slice(0, 40), u: e?.url.slice(0, 50), title: e?.title.slice(0, 30), a: e?.authors, p: e?.publishedAt, c: e?.contentHtml.length }));
  } catch (e) { console.log(f, "ERR", (e as Error).message); }
}
