// OPML in and out: the feeds of an OPML file (nested outlines flattened, categories kept), and a
// category's listings as OPML.
import { generateOpml, parseOpml } from "feedsmith";

export type OpmlFeed = { feedUrl: string; title?: string; siteUrl?: string; category?: string };

type Outline = { text?: string; title?: string; xmlUrl?: string; htmlUrl?: string; category?: string; outlines?: Outline[] };

export function readOpml(text: string): OpmlFeed[] {
  let document: { body?: { outlines?: Outline[] } };
  try {
    document = parseOpml(text) as typeof document;
  } catch (error) {
    throw new Error(`this is not an OPML file: ${(error as Error).message}`);
  }
  const feeds: OpmlFeed[] = [];
  const walk = (outlines: Outline[] | undefined, folder?: string) => {
    for (const outline of outlines ?? []) {
      if (outline.xmlUrl) {
        feeds.push({ feedUrl: outline.xmlUrl.trim(), title: outline.title ?? outline.text, siteUrl: outline.htmlUrl, category: outline.category ?? folder });
      }
      walk(outline.outlines, outline.xmlUrl ? folder : (outline.title ?? outline.text ?? folder));
    }
  };
  walk(document.body?.outlines);
  return feeds;
}

export function writeOpml(title: string, feeds: Array<{ name: string; feedUrl: string; siteUrl: string; description?: string | null }>, now = new Date()): string {
  return generateOpml({
    head: { title, dateCreated: now },
    body: {
      outlines: feeds.map((feed) => ({
        text: feed.name,
        title: feed.name,
        type: "rss",
        xmlUrl: feed.feedUrl,
        htmlUrl: feed.siteUrl,
        ...(feed.description ? { description: feed.description } : {}),
      })),
    },
  });
}
