import { CacheTags } from "@/components/cache-tags";
import { breadcrumbList, JsonLd, siteUrl } from "@/components/json-ld";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BusinessBadge } from "@/components/business-badge";
import { formatDate, formatPostingRate, languageName } from "@/components/format";
import { ListingIcon } from "@/components/listing-icon";
import { HtmlBlock } from "@/components/html";
import { postCard } from "@/components/post-card";
import { SubscribeForm } from "@/components/subscribe-form";
import { VerifiedBadge } from "@/components/verified-badge";
import { getListingPage } from "@/lib/listings/queries";
import { ZListingSlug, ZPostCursor } from "@/lib/listings/schemas";
import { socialLabel, socialLinksOf } from "@/lib/listings/social-links";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string | string[] }> };

/** Posts a page: a grid of two columns, six rows; older ones are a link away. */
const POSTS_PER_PAGE = 12;

/** The listing and a page of its posts, in one query shared by the metadata and the page. */
const loadPage = cache(async (rawSlug: string, rawBefore: string | undefined) => {
  const slug = ZListingSlug.safeParse(rawSlug);
  const before = rawBefore === undefined ? undefined : ZPostCursor.safeParse(rawBefore);
  if (!slug.success || (before && !before.success)) return null;
  return getListingPage(slug.data, POSTS_PER_PAGE, before?.data);
});

const beforeOf = async (searchParams: Props["searchParams"]) => {
  const before = (await searchParams).before;
  return typeof before === "string" ? before : undefined;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const listing = (await loadPage((await params).slug, await beforeOf(searchParams)))?.listing;
  if (!listing) return {};
  return {
    title: listing.name,
    description: listing.description ?? undefined,
    openGraph: { type: "website", title: listing.name, description: listing.description ?? undefined, siteName: "BlogAtlas" },
    twitter: { card: "summary_large_image", title: listing.name, description: listing.description ?? undefined },
    alternates: {
      types: {
        "application/rss+xml": [{ url: `/blogs/${listing.slug}/rss.xml`, title: `${listing.name} (RSS)` }],
        "application/atom+xml": [{ url: `/blogs/${listing.slug}/atom.xml`, title: `${listing.name} (Atom)` }],
      },
    },
  };
}

export default async function ListingPage({ params, searchParams }: Props) {
  const before = await beforeOf(searchParams);
  const page = await loadPage((await params).slug, before);
  if (!page) notFound();
  const { listing, posts, older } = page;
  const business = listing.tier === "BUSINESS";
  const social = socialLinksOf(listing.socialLinks);
  return (
    <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
      <CacheTags tags={[`blog:${listing.id}`]} />
      {/* The blog itself (its own address: the original keeps the credit), and where it sits in the directory. */}
      <JsonLd
        data={{
          "@type": "Blog",
          name: listing.name,
          url: listing.siteUrl,
          mainEntityOfPage: siteUrl(`/blogs/${listing.slug}`),
          ...(listing.description ? { description: listing.description } : {}),
          ...(listing.language ? { inLanguage: listing.language } : {}),
          ...(listing.iconUrl ? { image: listing.iconUrl } : {}),
        }}
      />
      <JsonLd
        data={breadcrumbList([
          ...listing.categories.slice(0, 1).map((entry): [string, string] => [entry.category.name, `/categories/${entry.category.slug}`]),
          [listing.name, `/blogs/${listing.slug}`],
        ])}
      />
      <div>
        <header className="flex items-start gap-4">
          {business && listing.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- logos come from the owner's own site
            <img src={listing.logoUrl} alt={`${listing.name} logo`} height={64} className="h-16 w-auto max-w-40 shrink-0 rounded-lg object-contain" />
          ) : (
            <ListingIcon name={listing.name} iconUrl={listing.iconUrl} size={64} />
          )}
          <div>
            <h1 className="flex flex-wrap items-center gap-2 text-3xl font-bold tracking-tight">
              {listing.name}
              {business && <BusinessBadge />}
              {listing.verifiedAt && <VerifiedBadge className="text-sm" />}
            </h1>
            {listing.description && <p className="mt-2 text-lg text-stone-600 dark:text-stone-300">{listing.description}</p>}
            <p className="mt-2 text-sm">
              <a href={listing.siteUrl} rel={business ? "sponsored noopener" : "noopener"} className="text-teal-800 underline dark:text-teal-300">
                Visit {new URL(listing.siteUrl).host}
              </a>
            </p>
          </div>
        </header>
        <section aria-labelledby="posts" className="mt-10">
          <h2 id="posts" className="mb-4 text-xl font-semibold">
            {before ? "Older posts" : "Latest posts"}
          </h2>
          {posts.length === 0 ? (
            <p className="text-stone-600 dark:text-stone-300">
              {listing.mirrorMode === "NONE" ? "The owner of this blog asked us not to mirror its posts. Visit the blog to read them." : "No posts mirrored yet."}
            </p>
          ) : (
            <HtmlBlock className="grid gap-4 sm:grid-cols-2">{posts.map((post) => postCard(post, { showBlog: false }))}</HtmlBlock>
          )}
          {(before || older) && (
            <nav aria-label="Post pages" className="mt-6 flex gap-4 text-sm font-semibold">
              {before && (
                <Link href={`/blogs/${listing.slug}`} className="text-teal-800 underline dark:text-teal-300">
                  ← Latest posts
                </Link>
              )}
              {older && (
                <Link href={`/blogs/${listing.slug}?before=${older.publishedAt.getTime()}_${older.id}`} className="text-teal-800 underline dark:text-teal-300">
                  Older posts →
                </Link>
              )}
            </nav>
          )}
        </section>
      </div>
      <aside className="space-y-6 text-sm">
        <SubscribeForm blogId={listing.id} blogName={listing.name} />
        {business && listing.ctaLabel && listing.ctaUrl && (
          <a href={listing.ctaUrl} rel="sponsored noopener" className="block rounded-lg bg-teal-700 px-4 py-3 text-center font-semibold text-white hover:bg-teal-800">
            {listing.ctaLabel}
          </a>
        )}
        <dl className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
          <div>
            <dt className="font-semibold">Categories</dt>
            <dd className="flex flex-wrap gap-x-2">
              {listing.categories.length === 0
                ? "none yet"
                : listing.categories.map((entry) => (
                    <Link key={entry.category.slug} href={`/categories/${entry.category.slug}`} className="underline">
                      {entry.category.name}
                    </Link>
                  ))}
            </dd>
          </div>
          {listing.tags.length > 0 && (
            <div>
              <dt className="font-semibold">Tags</dt>
              <dd className="flex flex-wrap gap-x-2">
                {listing.tags.map((entry) => (
                  <Link key={entry.tag.slug} href={`/tags/${entry.tag.slug}`} className="underline">
                    {entry.tag.name}
                  </Link>
                ))}
              </dd>
            </div>
          )}
          {listing.language && (
            <div>
              <dt className="font-semibold">Language</dt>
              <dd>{languageName(listing.language)}</dd>
            </div>
          )}
          <div>
            <dt className="font-semibold">Posting frequency</dt>
            <dd>{formatPostingRate(listing.postsPerWeek)}</dd>
          </div>
          <div>
            <dt className="font-semibold">Feed health</dt>
            <dd>
              {listing.dormantSince
                ? `Dormant since ${formatDate(listing.dormantSince)}: the feed stopped answering; its archive stays here.`
                : listing.lastSuccessAt
                  ? `Read successfully on ${formatDate(listing.lastSuccessAt)}`
                  : "Not read yet"}
            </dd>
          </div>
          <div>
            <dt className="font-semibold">Ownership</dt>
            <dd>{listing.verifiedAt ? `Verified on ${formatDate(listing.verifiedAt)}` : "Not claimed yet"}</dd>
          </div>
          {business && listing.contactEmail && (
            <div>
              <dt className="font-semibold">Contact</dt>
              <dd>
                <a href={`mailto:${listing.contactEmail}`} className="underline">
                  {listing.contactEmail}
                </a>
              </dd>
            </div>
          )}
          {business && social.length > 0 && (
            <div>
              <dt className="font-semibold">Elsewhere</dt>
              <dd>
                <ul className="flex flex-wrap gap-x-3">
                  {social.map((address) => (
                    <li key={address}>
                      {/* A paid profile's links are paid placements. */}
                      <a href={address} rel="sponsored noopener" className="underline">
                        {socialLabel(address)}
                      </a>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
        <p className="flex gap-3">
          <a href={`/blogs/${listing.slug}/rss.xml`} className="text-stone-600 underline dark:text-stone-400">
            RSS
          </a>
          <a href={`/blogs/${listing.slug}/atom.xml`} className="text-stone-600 underline dark:text-stone-400">
            Atom
          </a>
        </p>
        <p className="flex flex-wrap gap-3">
          <Link href={`/blogs/${listing.slug}/claim`} className="text-stone-600 underline dark:text-stone-400">
            Is this your blog? Claim it
          </Link>
          <Link href={`/report?blog=${listing.slug}`} className="text-stone-600 underline dark:text-stone-400">
            Report this blog
          </Link>
        </p>
      </aside>
    </div>
  );
}
