// Step one of submitting a blog: what we would list for this address (the submit form posts here).
import { answerWith, requireUserForRoute } from "@/lib/auth/guards";
import { installationPolicy } from "@/lib/ingest/url-policy";
import { previewSubmission } from "@/lib/listings/submit";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const guard = await requireUserForRoute(request);
  if ("refused" in guard) return guard.refused;
  const form = await request.formData().catch(() => new FormData());
  const answer = await previewSubmission(guard.user, { url: form.get("url") }, installationPolicy());
  return answerWith(answer, answer.kind === "preview" ? 200 : answer.kind === "duplicate" ? 409 : 400);
}
