// What both claim route handlers start with: the guard chain, then the listing that may be claimed.
import "server-only";
import { requireUserForRoute, type CurrentUser } from "@/lib/auth/guards";
import { getClaimableListing } from "./claims";

export async function claimRouteContext(request: Request, slug: string): Promise<{ user: CurrentUser; listingId: string; form: FormData } | { refused: Response }> {
  const guard = await requireUserForRoute(request);
  if ("refused" in guard) return guard;
  const listing = await getClaimableListing(slug);
  if (!listing) return { refused: Response.json({ kind: "closed", reason: "This listing cannot be claimed." }, { status: 404 }) };
  return { user: guard.user, listingId: listing.id, form: await request.formData().catch(() => new FormData()) };
}
