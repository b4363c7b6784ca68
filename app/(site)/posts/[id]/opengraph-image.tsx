import { ImageResponse } from "next/og";
import { getPublicPost } from "@/lib/posts/queries";
import { ZPostId } from "@/lib/posts/schemas";

export const alt = "A post mirrored on BlogAtlas";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const id = ZPostId.safeParse((await params).id);
  const post = id.success ? await getPublicPost(id.data) : null;
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "linear-gradient(135deg, #0f766e, #134e4a)", color: "white" }}>
        <div style={{ fontSize: 30, opacity: 0.85, display: "flex" }}>{post ? post.blog.name : "BlogAtlas"}</div>
        <div style={{ fontSize: 64, fontWeight: 700, lineHeight: 1.15, display: "flex" }}>{post ? post.title.slice(0, 110) : "Post not found"}</div>
        <div style={{ fontSize: 28, display: "flex", justifyContent: "space-between" }}>
          <span>{post?.authors.join(", ") ?? ""}</span>
          <span>BlogAtlas</span>
        </div>
      </div>
    ),
    size,
  );
}
