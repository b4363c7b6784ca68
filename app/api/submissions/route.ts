// Step two of submitting a blog: file it as pending. More than a few a day answer 429 (security.md 14).
import { answerWith, requireUserForRoute } from "@/lib/auth/guards";
import { installationPolicy } from "@/lib/ingest/url-policy";
import { submitBlog } from "@/lib/listings/submit";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const guard = await requireUserForRoute(request);
  if ("refused" in guard) return guard.refused;
  const form = await request.formData().catch(() => new FormData());
  const answer = await submitBlog(guard.user, Object.fromEntries(form), installationPolicy());
  return answerWith(answer, answer.kind === "submitted" ? 201 : answer.kind === "duplicate" ? 409 : 400);
}
