// A post's Open Graph image (next/og), at an address of its own that the post page's head names
// (postMeta in components/post-page.ts): the documents the door writes without Next can name it,
// where the `opengraph-image` file convention's address carries a hash only Next knows.
import { ImageResponse } from "next/og";
import { OG_IMAGE } from "@/components/page-meta";
import { getPublicPost } from "@/lib/posts/queries";
import { ZPostId } from "@/lib/posts/schemas";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = ZPostId.safeParse((await params).id);
  const post = id.success ? await getPublicPost(id.data) : null;
  if (!post) return new Response("No such post.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "linear-gradient(135deg, #0f766e, #134e4a)", color: "white" }}>
        <div style={{ fontSize: 30, opacity: 0.85, display: "flex" }}>{post.blog.name}</div>
        <div style={{ fontSize: 64, fontWeight: 700, lineHeight: 1.15, display: "flex" }}>{post.title.slice(0, 110)}</div>
        <div style={{ fontSize: 28, display: "flex", justifyContent: "space-between" }}>
          <span>{post.authors.join(", ")}</span>
          <span>BlogAtlas</span>
        </div>
      </div>
    ),
    // A title can change with the feed: kept an hour, not for ever.
    { width: OG_IMAGE.width, height: OG_IMAGE.height, headers: { "cache-control": "public, max-age=3600" } },
  );
}
