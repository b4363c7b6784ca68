// WebSub callback: GET is the hub verifying our subscription, POST is a signed content push.
import { z } from "zod";
import { db } from "@/lib/db";
import { MAX_PUSH_BYTES, receivePush, verifyIntent } from "@/lib/ingest/websub";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

const ZBlogId = z.string().regex(/^[a-z0-9]{20,40}$/);
const ZVerify = z.object({
  "hub.mode": z.enum(["subscribe", "unsubscribe", "denied"]),
  "hub.topic": z.url(),
  "hub.challenge": z.string().min(1).max(512).optional(),
  "hub.lease_seconds": z.coerce.number().int().positive().optional(),
});

const notFound = () => new Response("not found", { status: 404 });

export async function GET(request: Request, context: Context) {
  const id = ZBlogId.safeParse((await context.params).id);
  const query = ZVerify.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!id.success) return notFound();
  if (!query.success) return new Response("bad verification request", { status: 400 });
  if (query.data["hub.mode"] === "denied" || !query.data["hub.challenge"]) return new Response("", { status: 200 });
  const challenge = await verifyIntent(db, id.data, {
    mode: query.data["hub.mode"],
    topic: query.data["hub.topic"],
    challenge: query.data["hub.challenge"],
    leaseSeconds: query.data["hub.lease_seconds"],
  });
  return challenge === null ? notFound() : new Response(challenge, { status: 200, headers: { "content-type": "text/plain" } });
}

export async function POST(request: Request, context: Context) {
  const id = ZBlogId.safeParse((await context.params).id);
  if (!id.success) return notFound();
  if (Number(request.headers.get("content-length") ?? 0) > MAX_PUSH_BYTES) return new Response("too large", { status: 413 });
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length > MAX_PUSH_BYTES) return new Response("too large", { status: 413 });
  const outcome = await receivePush(db, id.data, body, request.headers.get("x-hub-signature"));
  return outcome === "unknown" ? notFound() : new Response(null, { status: 202 });
}
