import { opmlResponse } from "@/lib/syndication/feed-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  return opmlResponse((await context.params).slug);
}
