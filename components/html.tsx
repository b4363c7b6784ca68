// Markup written as text, for the long repeated parts of the public pages (listing and post cards,
// the category tree). React handles every element of a server-rendered page three times: it
// serializes it into the RSC payload, decodes it again for the HTML render, and renders the HTML.
// That is ~85 µs for a card of a dozen elements, and a category page has 20 cards; the same card as
// one string costs a few µs, and its HTML is the same (decision 011).
//
// `html` is a tagged template: every value placed in it is escaped (text and attribute values
// alike, which are always written in double quotes), except what `html` itself produced. So text
// from feeds (titles, names, descriptions) cannot become markup.
import { escapeHtml } from "@/lib/html";

const RAW = Symbol("html");

/** Markup made by `html`: the only text that goes into a page unescaped. */
export type Html = { readonly [RAW]: string };

type Value = Html | string | number | null | undefined | false | readonly Value[];

const isHtml = (value: unknown): value is Html => typeof value === "object" && value !== null && RAW in value;

function place(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(place).join("");
  if (isHtml(value)) return value[RAW];
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  for (let index = 0; index < values.length; index++) out += place(values[index]!) + strings[index + 1]!;
  return { [RAW]: out };
}

/**
 * Text that is already markup and safe to place as it is: the sanitizer's output for mirrored
 * content, or a script's body that escapes its own "<". Nothing else goes through here.
 */
export const trustedHtml = (markup: string): Html => ({ [RAW]: markup });

/** The markup as text (for tests and for `HtmlBlock`). */
export const htmlText = (markup: Html): string => markup[RAW];

type BlockTag = "div" | "ol" | "ul" | "article";

/** One element whose children are markup made by `html` (a list of it: one after the other). */
export function HtmlBlock({ as: Tag = "div", className, children }: { as?: BlockTag; className?: string; children: Html | readonly Html[] }) {
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: place(children) }} />;
}
