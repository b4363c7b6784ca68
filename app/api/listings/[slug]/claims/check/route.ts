// Check my open claim on a listing: verified, contested, not yet (and why), or closed.
import { checkClaim } from "@/lib/claims/claims";
import { claimRouteContext } from "@/lib/claims/route-context";
import { installationPolicy } from "@/lib/ingest/url-policy";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  const claim = await claimRouteContext(request, (await context.params).slug);
  if ("refused" in claim) return claim.refused;
  const answer = await checkClaim(claim.user, claim.listingId, { code: claim.form.get("code") }, installationPolicy());
  return Response.json(answer, { status: answer.kind === "closed" ? 409 : 200 });
}
