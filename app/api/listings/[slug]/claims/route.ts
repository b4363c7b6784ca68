// Start a claim on a listing (the claim form posts here). More than a few a day answer 429 (security.md 14).
import { answerWith } from "@/lib/auth/guards";
import { startClaim } from "@/lib/claims/claims";
import { claimRouteContext } from "@/lib/claims/route-context";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  const claim = await claimRouteContext(request, (await context.params).slug);
  if ("refused" in claim) return claim.refused;
  const answer = await startClaim(claim.user, claim.listingId, { method: claim.form.get("method"), email: claim.form.get("email") });
  return answerWith(answer, answer.kind === "started" ? 201 : 400);
}
