// Spam signals of a submission, read from the feed as it was previewed: each signal says what was
// seen, and the score (0-100) is their sum. Moderators read them in the queue; nothing is rejected
// automatically.
import "server-only";
import { db } from "@/lib/db";
import type { ReadyEntry } from "@/lib/ingest/read-feed";

export type TSpamSignal = { key: "no-posts" | "few-posts" | "outbound-links" | "duplicate-text" | "affiliate-links"; weight: number; detail: string };
export type TSpamAssessment = { score: number; signals: TSpamSignal[] };

const AFFILIATE = /(amzn\.to\/|amazon\.[a-z.]+\/[^"]*[?&]tag=|[?&](aff(iliate)?_?id|affid|ref_id|partner_id|clickref)=|shareasale\.com|awin1\.com|clickbank\.net|hop\.clickbank|go\.skimresources|rstyle\.me|linksynergy\.com|impact\.com\/|[?&]ref=\w+)/i;
const LINK = /<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi;
const TAG = /<[^>]+>/g;

const textLength = (html: string) => html.replace(TAG, "").replace(/\s+/g, " ").trim().length;

/** The share of an entry's text that sits inside links, and its links. */
export function linkFacts(html: string): { linkTextShare: number; hrefs: string[] } {
  const hrefs: string[] = [];
  let linkText = 0;
  for (const match of html.matchAll(LINK)) {
    hrefs.push(match[1]!);
    linkText += textLength(match[2]!);
  }
  const total = textLength(html);
  return { linkTextShare: total === 0 ? 0 : linkText / total, hrefs };
}

/** Pure part: the signals a feed's entries show by themselves. */
export function contentSignals(entries: Pick<ReadyEntry, "contentHtml" | "excerpt">[]): TSpamSignal[] {
  const signals: TSpamSignal[] = [];
  if (entries.length === 0) signals.push({ key: "no-posts", weight: 35, detail: "The feed has no posts yet." });
  else if (entries.length < 3) signals.push({ key: "few-posts", weight: 10, detail: `The feed has only ${entries.length} ${entries.length === 1 ? "post" : "posts"}.` });
  if (entries.length === 0) return signals;
  const facts = entries.map((entry) => linkFacts(entry.contentHtml || entry.excerpt));
  const linky = facts.filter((fact) => fact.linkTextShare > 0.5).length;
  if (linky / entries.length >= 0.5) {
    signals.push({ key: "outbound-links", weight: 25, detail: `${linky} of ${entries.length} posts are mostly links (over half of their text is link text).` });
  }
  const hrefs = facts.flatMap((fact) => fact.hrefs);
  const affiliate = hrefs.filter((href) => AFFILIATE.test(href)).length;
  if (affiliate >= 5 || (hrefs.length >= 4 && affiliate / hrefs.length >= 0.3)) {
    signals.push({ key: "affiliate-links", weight: 25, detail: `${affiliate} of ${hrefs.length} links are affiliate links.` });
  }
  return signals;
}

/** Posts of this feed whose titles another listed blog already has, word for word. */
async function duplicateTitles(entries: Pick<ReadyEntry, "title">[], feedUrl: string): Promise<number> {
  const titles = [...new Set(entries.map((entry) => entry.title.trim()).filter((title) => title.length >= 20))].slice(0, 10);
  let found = 0;
  for (const title of titles) {
    const [row] = await db.$queryRaw<Array<{ hit: boolean }>>`
      SELECT EXISTS (
        SELECT 1 FROM "Post" p JOIN "Blog" b ON b.id = p."blogId"
         WHERE p."searchVector" @@ plainto_tsquery('english', ${title}) AND lower(p.title) = lower(${title}) AND b."feedUrl" <> ${feedUrl}
      ) AS hit`;
    if (row?.hit) found++;
  }
  return found;
}

export async function assessSubmission(entries: Pick<ReadyEntry, "contentHtml" | "excerpt" | "title">[], feedUrl: string): Promise<TSpamAssessment> {
  const signals = contentSignals(entries);
  const copied = await duplicateTitles(entries, feedUrl);
  if (copied >= 2 || (copied >= 1 && entries.length <= 3)) {
    signals.push({ key: "duplicate-text", weight: 35, detail: `${copied} ${copied === 1 ? "post has" : "posts have"} the same title as posts of another listed blog.` });
  }
  return { score: Math.min(100, signals.reduce((sum, signal) => sum + signal.weight, 0)), signals };
}
