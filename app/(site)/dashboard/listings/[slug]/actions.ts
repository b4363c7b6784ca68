"use server";

import { requireUser } from "@/lib/auth/guards";
import { updateMyListing, type EditAnswer } from "@/lib/owners/my-listings";

export type EditFormState = { kind: "idle" } | EditAnswer;

export async function updateListingAction(_previous: EditFormState, form: FormData): Promise<EditFormState> {
  const slug = String(form.get("slug") ?? "");
  const user = await requireUser(`/dashboard/listings/${slug}`);
  return updateMyListing(user, slug, { ...Object.fromEntries(form), categories: form.getAll("categories").map(String) });
}
