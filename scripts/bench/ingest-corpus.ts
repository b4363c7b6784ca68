// The benchmark's corpus: FEEDS feeds of ENTRIES entries each, generated deterministically on demand
// (so neither the server nor the benchmark holds 500 MB of XML). Entry bodies are realistic HTML of
// 1-10 KB: paragraphs with links and emphasis, headings, lists, quotes, images with srcset, code,
// the odd tracking pixel and utm-tagged link, as real feeds carry.
import { seededRandom, type Random } from "@/lib/seeded-random";

const WORDS = (
  "the a of and to in is that it for on with as was at by this be are from or have an they which one you were her all she there would " +
  "their we him been has when who will more no if out so said what up its about into than them can only other new some could time these " +
  "two may then do first any my now such like our over man me even most made after also did many before must through back years where much " +
  "your way well down should because each just those people how too little state good very make world still own see men work long get here " +
  "between both life being under never day same another know while last might us great old year off come since against go came right used take " +
  "compiler sourdough timetable espresso garden telescope marathon budget shutter notebook algorithm harbour glacier recipe ferry lantern"
).split(" ");

export type Rng = Random;
export const rng = seededRandom;

const pick = <T>(r: Rng, items: readonly T[]) => items[Math.floor(r() * items.length)]!;
const sentence = (r: Rng) => {
  const words = Array.from({ length: 8 + Math.floor(r() * 14) }, () => pick(r, WORDS));
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return `${words.join(" ")}.`;
};

function paragraph(r: Rng, site: string): string {
  const parts = Array.from({ length: 3 + Math.floor(r() * 4) }, () => sentence(r));
  if (r() < 0.5) parts.splice(1, 0, `See <a href="${site}/notes/${Math.floor(r() * 1e6)}?utm_source=rss&utm_medium=feed">this earlier note</a> for the background.`);
  if (r() < 0.3) parts.push(`It is <em>${pick(r, WORDS)}</em>, and <strong>${pick(r, WORDS)}</strong> too.`);
  return `<p>${parts.join(" ")}</p>`;
}

/** One entry body of roughly `targetBytes`. */
export function entryHtml(r: Rng, site: string, targetBytes: number): string {
  const blocks: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const roll = r();
    let block: string;
    if (roll < 0.6) block = paragraph(r, site);
    else if (roll < 0.7) block = `<h2>${sentence(r).slice(0, -1)}</h2>`;
    else if (roll < 0.78) block = `<ul>${Array.from({ length: 3 + Math.floor(r() * 4) }, () => `<li>${sentence(r)}</li>`).join("")}</ul>`;
    else if (roll < 0.85) block = `<blockquote><p>${sentence(r)} ${sentence(r)}</p></blockquote>`;
    else if (roll < 0.93) {
      const n = Math.floor(r() * 1e6);
      block = `<figure><img src="/images/${n}.jpg" srcset="/images/${n}.jpg 1x, /images/${n}@2x.jpg 2x" alt="${sentence(r).slice(0, 40)}" width="800" height="450"><figcaption>${sentence(r)}</figcaption></figure>`;
    } else block = `<pre><code>const total = items.reduce((sum, item) =&gt; sum + item.price, 0);\nconsole.log(total);</code></pre>`;
    blocks.push(block);
    size += block.length;
  }
  if (r() < 0.3) blocks.push(`<img src="https://pixel.wp.com/b.gif?v=${Math.floor(r() * 1e9)}" width="1" height="1">`);
  return blocks.join("\n");
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Feed number `index` as RSS 2.0 (two in three) or Atom (one in three). */
export function feedXml(index: number, entries: number, site: string): string {
  const r = rng(`feed-${index}`);
  const atom = index % 3 === 2;
  const items: string[] = [];
  const newest = Date.UTC(2026, 10, 1);
  for (let e = 0; e < entries; e++) {
    const html = entryHtml(r, site, 1024 + Math.floor(r() * 9 * 1024));
    const title = sentence(r).slice(0, 70);
    const date = new Date(newest - (e * 86_400_000) / 2 - index * 1000);
    const link = `${site}/${date.getUTCFullYear()}/post-${index}-${e}`;
    items.push(
      atom
        ? `<entry><id>tag:bench,2026:${index}:${e}</id><title>${escapeXml(title)}</title><link rel="alternate" href="${link}"/><published>${date.toISOString()}</published><updated>${date.toISOString()}</updated><author><name>Author ${index}</name></author><content type="html">${escapeXml(html)}</content></entry>`
        : `<item><guid isPermaLink="false">bench-${index}-${e}</guid><title>${escapeXml(title)}</title><link>${link}</link><pubDate>${date.toUTCString()}</pubDate><dc:creator>Author ${index}</dc:creator><description>${escapeXml(html.slice(0, 300))}</description><content:encoded><![CDATA[${html}]]></content:encoded></item>`,
    );
  }
  return atom
    ? `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Bench blog ${index}</title><id>tag:bench,2026:${index}</id><link rel="alternate" href="${site}/"/><updated>${new Date(newest).toISOString()}</updated>${items.join("")}</feed>`
    : `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench blog ${index}</title><link>${site}/</link><description>A generated blog</description>${items.join("")}</channel></rss>`;
}
