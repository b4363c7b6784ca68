// Start a claim on a listing (the claim form posts here). More than a few a day answer 429 (security.md 14).
import { answerWith, requireUserForRoute } from "@/lib/auth/guards";
import { getClaimableListing, startClaim } from "@/lib/claims/claims";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

export async function POST(request: Request, context: Context) {
  const guard = await requireUserForRoute(request);
  if ("refused" in guard) return guard.refused;
  const listing = await getClaimableListing((await context.params).slug);
  if (!listing) return Response.json({ kind: "closed", reason: "This listing cannot be claimed." }, { status: 404 });
  const form = await request.formData().catch(() => new FormData());
  const answer = await startClaim(guard.user, listing.id, { method: form.get("method"), email: form.get("email") });
  return answerWith(answer, answer.kind === "started" ? 201 : 400);
}
