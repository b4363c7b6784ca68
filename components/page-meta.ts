// What a public page says about itself in its head, in one place for both ways a page is written:
// Next's metadata for the React page (nextMetadata) and the head of the document the door writes
// without React (headMarkup, decision 012). The end-to-end comparison in browse.spec.ts holds the
// two heads of one page to each other.
import type { Metadata } from "next";
import { html, type Html } from "./html";
import { siteUrl } from "./json-ld";

/** An Open Graph image of this site's own (a `next/og` route), 1200 × 630 PNG. */
export const OG_IMAGE = { width: 1200, height: 630, type: "image/png" } as const;

export type PageMeta = {
  /** The title before the site's " · BlogAtlas" (all of it, when `wholeTitle`: the home page's). */
  title: string;
  wholeTitle?: true;
  description?: string;
  /** Where the page's content truly lives (a post's original). */
  canonical?: string;
  /** Kept out of search engines' indexes (the search page). */
  robots?: "noindex";
  feeds?: Array<{ type: "application/rss+xml" | "application/atom+xml"; url: string; title: string }>;
  /** Open Graph and its Twitter card, which repeats its title, description and image. */
  social?: { type: "article" | "website"; title: string; description?: string; image: { path: string; alt: string }; publishedTime?: string; authors?: string[] };
};

/** The site's own title and description: the home page's, and the root layout's for any page that names none. */
export const SITE_META: PageMeta = {
  title: "BlogAtlas: the blog directory",
  wholeTitle: true,
  description: "Discover independent blogs by topic, read their latest posts, and follow the ones you like.",
};

export function nextMetadata(meta: PageMeta): Metadata {
  const { social } = meta;
  const images = social && [{ url: social.image.path, alt: social.image.alt, ...OG_IMAGE }];
  return {
    title: meta.wholeTitle ? { absolute: meta.title } : meta.title,
    description: meta.description,
    ...(meta.robots ? { robots: { index: false } } : {}),
    alternates: {
      ...(meta.canonical ? { canonical: meta.canonical } : {}),
      ...(meta.feeds ? { types: Object.fromEntries(["application/rss+xml", "application/atom+xml"].map((type) => [type, meta.feeds!.filter((feed) => feed.type === type).map(({ url, title }) => ({ url, title }))])) } : {}),
    },
    ...(social
      ? {
          openGraph: { type: social.type, title: social.title, description: social.description, siteName: "BlogAtlas", images, ...(social.publishedTime ? { publishedTime: social.publishedTime } : {}), ...(social.authors ? { authors: social.authors } : {}) },
          twitter: { card: "summary_large_image", title: social.title, description: social.description, images },
        }
      : {}),
  };
}

/** The same head as markup, as Next writes it from nextMetadata (the order aside). */
export function headMarkup(meta: PageMeta): Html {
  const { social } = meta;
  const property = (name: string, content: string | undefined) => content !== undefined && html`<meta property="${name}" content="${content}"/>`;
  const named = (name: string, content: string | undefined) => content !== undefined && html`<meta name="${name}" content="${content}"/>`;
  const image = (tag: typeof property, prefix: string) =>
    social && [tag(`${prefix}:image`, siteUrl(social.image.path)), tag(`${prefix}:image:type`, OG_IMAGE.type), tag(`${prefix}:image:width`, String(OG_IMAGE.width)), tag(`${prefix}:image:height`, String(OG_IMAGE.height)), tag(`${prefix}:image:alt`, social.image.alt)];
  return html`<title>${meta.wholeTitle ? meta.title : `${meta.title} · BlogAtlas`}</title>${named("description", meta.description)}${named("robots", meta.robots)}${meta.canonical && html`<link rel="canonical" href="${meta.canonical}"/>`}${meta.feeds?.map((feed) => html`<link rel="alternate" type="${feed.type}" href="${siteUrl(feed.url)}" title="${feed.title}"/>`)}${
    social &&
    html`${property("og:title", social.title)}${property("og:description", social.description)}${property("og:site_name", "BlogAtlas")}${image(property, "og")}${property("og:type", social.type)}${property("article:published_time", social.publishedTime)}${social.authors?.map((author) => property("article:author", author))}${named("twitter:card", "summary_large_image")}${named("twitter:title", social.title)}${named("twitter:description", social.description)}${image(named, "twitter")}`
  }`;
}
