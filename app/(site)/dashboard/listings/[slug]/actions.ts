"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { typedValues } from "@/lib/form-values";
import { changeMemberRole, inviteMember, leaveListing, removeMember, type PeopleAnswer } from "@/lib/owners/members";
import { updateMyListing, type EditAnswer } from "@/lib/owners/my-listings";

/** What the owner typed, given back with an invalid answer. */
const EDIT_FIELDS = ["description", "language", "mirrorMode", "tags", "logoUrl", "ctaLabel", "ctaUrl", "contactEmail", "socialLinks"] as const;
export type EditFormValues = Record<(typeof EDIT_FIELDS)[number], string> & { categories: string[] };
export type EditFormState = { kind: "idle" } | { kind: "saved" } | { kind: "not-found" } | (Extract<EditAnswer, { kind: "invalid" }> & { values: EditFormValues });

export async function updateListingAction(_previous: EditFormState, form: FormData): Promise<EditFormState> {
  const slug = String(form.get("slug") ?? "");
  const user = await requireUser(`/dashboard/listings/${slug}`);
  const values: EditFormValues = { ...typedValues(form, EDIT_FIELDS), categories: form.getAll("categories").map(String) };
  const answer = await updateMyListing(user, slug, values);
  // React resets a form after its action: an invalid answer brings back what was typed, so the
  // owner mends one field instead of typing the others again.
  return answer.kind === "invalid" ? { ...answer, values } : answer;
}

/** An invitation refused comes back with the address typed (React resets the form after its action). */
export type PeopleFormState = { kind: "idle" } | Exclude<PeopleAnswer, { kind: "invalid" }> | (Extract<PeopleAnswer, { kind: "invalid" }> & { typedEmail?: string });

export async function peopleAction(_previous: PeopleFormState, form: FormData): Promise<PeopleFormState> {
  const slug = String(form.get("slug") ?? "");
  const user = await requireUser(`/dashboard/listings/${slug}`);
  const member = String(form.get("member") ?? "");
  let answer: PeopleAnswer;
  switch (form.get("intent")) {
    case "invite":
      answer = await inviteMember(user, slug, { email: form.get("email"), role: form.get("role") });
      break;
    case "role":
      answer = await changeMemberRole(user, slug, member, form.get("role"));
      break;
    case "remove":
      answer = await removeMember(user, slug, member);
      break;
    case "leave":
      answer = await leaveListing(user, slug);
      if (answer.kind === "done") redirect("/dashboard");
      break;
    default:
      answer = { kind: "invalid", errors: { form: "Unknown action." } };
  }
  if (answer.kind === "done") revalidatePath(`/dashboard/listings/${slug}`);
  if (answer.kind === "invalid" && form.get("intent") === "invite") return { ...answer, typedEmail: String(form.get("email") ?? "") };
  return answer;
}
