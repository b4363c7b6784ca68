"use server";

import { requireUser } from "@/lib/auth/guards";
import { checkClaim, getClaimableListing, startClaim, type CheckAnswer, type StartAnswer } from "@/lib/claims/claims";
import { installationPolicy } from "@/lib/ingest/url-policy";

export type ClaimFormState = { kind: "idle" } | StartAnswer | CheckAnswer;

async function listingFor(form: FormData) {
  const slug = String(form.get("slug") ?? "");
  const user = await requireUser(`/blogs/${slug}/claim`);
  const listing = await getClaimableListing(slug);
  return { user, listing };
}

export async function startClaimAction(_previous: ClaimFormState, form: FormData): Promise<ClaimFormState> {
  const { user, listing } = await listingFor(form);
  if (!listing) return { kind: "closed", reason: "This listing cannot be claimed." };
  return startClaim(user, listing.id, { method: form.get("method"), email: form.get("email") });
}

export async function checkClaimAction(_previous: ClaimFormState, form: FormData): Promise<ClaimFormState> {
  const { user, listing } = await listingFor(form);
  if (!listing) return { kind: "closed", reason: "This listing cannot be claimed." };
  return checkClaim(user, listing.id, { code: form.get("code") }, installationPolicy());
}
