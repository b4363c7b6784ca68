"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { deleteMyAccount } from "@/lib/owners/members";

/** An error, with the confirmation as typed (so that trying again after a failure is one click). */
export type DeleteAccountState = { error?: string; typed?: string };

export async function deleteAccountAction(_previous: DeleteAccountState, form: FormData): Promise<DeleteAccountState> {
  const user = await requireUser("/account");
  const typed = String(form.get("confirm") ?? "");
  if (typed.trim().toLowerCase() !== "delete") return { error: "Type delete to confirm.", typed };
  try {
    await deleteMyAccount(user); // its sessions go with it
  } catch (error) {
    console.warn(`account deletion stopped: ${(error as Error).message}`);
    return { error: "Your Business Listing subscription could not be cancelled just now, so nothing was deleted. Please try again in a minute, or cancel it under Manage billing first.", typed };
  }
  redirect("/account/deleted");
}
