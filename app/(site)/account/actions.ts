"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { deleteMyAccount } from "@/lib/owners/members";

export type DeleteAccountState = { error?: string };

export async function deleteAccountAction(_previous: DeleteAccountState, form: FormData): Promise<DeleteAccountState> {
  const user = await requireUser("/account");
  if (String(form.get("confirm") ?? "").trim().toLowerCase() !== "delete") return { error: "Type delete to confirm." };
  await deleteMyAccount(user); // its sessions go with it
  redirect("/?account=deleted");
}
