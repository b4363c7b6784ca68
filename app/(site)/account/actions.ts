"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { deleteMyAccount } from "@/lib/owners/members";

export type DeleteAccountState = { error?: string };

export async function deleteAccountAction(_previous: DeleteAccountState, form: FormData): Promise<DeleteAccountState> {
  const user = await requireUser("/account");
  if (String(form.get("confirm") ?? "").trim().toLowerCase() !== "delete") return { error: "Type delete to confirm." };
  try {
    await deleteMyAccount(user); // its sessions go with it
  } catch (error) {
    console.warn(`account deletion stopped: ${(error as Error).message}`);
    return { error: "Your Business Listing subscription could not be cancelled just now, so nothing was deleted. Please try again in a minute, or cancel it under Manage billing first." };
  }
  redirect("/?account=deleted");
}
