import { feedResponse } from "@/lib/syndication/feed-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  return feedResponse("listing", (await context.params).slug, "atom");
}
