import { ImageResponse } from "next/og";
import { getPublicListing } from "@/lib/listings/queries";
import { ZListingSlug } from "@/lib/listings/schemas";

export const alt = "A blog listed on BlogAtlas";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const slug = ZListingSlug.safeParse((await params).slug);
  const listing = slug.success ? await getPublicListing(slug.data) : null;
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "center", padding: 72, background: "#1c1917", color: "white" }}>
        <div style={{ fontSize: 76, fontWeight: 700, display: "flex" }}>{listing?.name ?? "Blog not found"}</div>
        <div style={{ fontSize: 34, marginTop: 24, opacity: 0.85, display: "flex" }}>{listing?.description?.slice(0, 140) ?? ""}</div>
        <div style={{ fontSize: 28, marginTop: 48, color: "#5eead4", display: "flex" }}>
          {listing ? `${listing.postCount} posts · ${listing.categories.map((entry) => entry.category.name).join(" · ")}` : ""} · BlogAtlas
        </div>
      </div>
    ),
    size,
  );
}
