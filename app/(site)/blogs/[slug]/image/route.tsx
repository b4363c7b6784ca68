// A blog's Open Graph image (next/og), at an address of its own that the blog page's head names
// (blogMeta in components/blog-page.ts): the documents the door writes without Next can name it,
// where the `opengraph-image` file convention's address carries a hash only Next knows.
import { ImageResponse } from "next/og";
import { OG_IMAGE } from "@/components/page-meta";
import { getPublicListing } from "@/lib/listings/queries";
import { ZListingSlug } from "@/lib/listings/schemas";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = ZListingSlug.safeParse((await params).slug);
  const listing = slug.success ? await getPublicListing(slug.data) : null;
  if (!listing) return new Response("No such blog.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "center", padding: 72, background: "#1c1917", color: "white" }}>
        <div style={{ fontSize: 76, fontWeight: 700, display: "flex" }}>{listing.name}</div>
        <div style={{ fontSize: 34, marginTop: 24, opacity: 0.85, display: "flex" }}>{listing.description?.slice(0, 140) ?? ""}</div>
        <div style={{ fontSize: 28, marginTop: 48, color: "#5eead4", display: "flex" }}>
          {`${listing.postCount} posts · ${listing.categories.map((entry) => entry.category.name).join(" · ")}`} · BlogAtlas
        </div>
      </div>
    ),
    // A name or description can change: kept an hour, not for ever.
    { width: OG_IMAGE.width, height: OG_IMAGE.height, headers: { "cache-control": "public, max-age=3600" } },
  );
}
