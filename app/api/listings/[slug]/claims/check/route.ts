// Check my open claim on a listing: verified, contested, not yet (and why), or closed.
import { requireUserForRoute } from "@/lib/auth/guards";
import { checkClaim, getClaimableListing } from "@/lib/claims/claims";
import { installationPolicy } from "@/lib/ingest/url-policy";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

export async function POST(request: Request, context: Context) {
  const guard = await requireUserForRoute(request);
  if ("refused" in guard) return guard.refused;
  const listing = await getClaimableListing((await context.params).slug);
  if (!listing) return Response.json({ kind: "closed", reason: "This listing cannot be claimed." }, { status: 404 });
  const form = await request.formData().catch(() => new FormData());
  const answer = await checkClaim(guard.user, listing.id, { code: form.get("code") }, installationPolicy());
  return Response.json(answer, { status: answer.kind === "closed" ? 409 : 200 });
}
