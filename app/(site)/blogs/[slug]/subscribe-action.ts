"use server";

import { subscribe } from "@/lib/subscriptions/actions";
import { ZSubscribe } from "@/lib/subscriptions/schemas";

export type SubscribeFormState = { status: "idle" | "pending" | "error"; error?: string; email?: string };

export async function submitSubscription(_previous: SubscribeFormState, form: FormData): Promise<SubscribeFormState> {
  const parsed = ZSubscribe.safeParse({ blogId: form.get("blogId"), email: form.get("email") });
  // The address comes back with an error (React resets the form after its action), to be mended, not retyped.
  if (!parsed.success) return { status: "error", error: parsed.error.issues[0]?.message ?? "Please check the address.", email: String(form.get("email") ?? "") };
  const result = await subscribe(parsed.data.blogId, parsed.data.email);
  if (!result.ok) return { status: "error", error: "This blog is not listed any more." };
  return { status: "pending", email: parsed.data.email };
}
