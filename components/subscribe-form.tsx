"use client";

import { useActionState, useId } from "react";
import { submitSubscription, type SubscribeFormState } from "@/app/(site)/blogs/[slug]/subscribe-action";
import { EmailInput } from "./email-input";

/** "Subscribe to <Blog>: Get updates delivered right to your inbox!" */
export function SubscribeForm({ blogId, blogName }: { blogId: string; blogName: string }) {
  const [state, action, pending] = useActionState<SubscribeFormState, FormData>(submitSubscription, { status: "idle" });
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="mt-8 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-700 dark:bg-stone-900">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Subscribe to {blogName}: Get updates delivered right to your inbox!
      </h2>
      {state.status === "pending" ? (
        <p role="status" className="mt-3 text-emerald-800 dark:text-emerald-300">
          Almost done: your subscription for {state.email} is recorded and starts once you confirm it from the e-mail we send you.
        </p>
      ) : (
        <form action={action} className="mt-3 flex flex-wrap gap-2" noValidate>
          <input type="hidden" name="blogId" value={blogId} />
          <label htmlFor={`${id}-email`} className="sr-only">
            Your e-mail address
          </label>
          <EmailInput id={`${id}-email`} invalid={state.status === "error"} describedBy={state.error ? `${id}-error` : undefined} defaultValue={state.status === "error" ? state.email : undefined} className="min-w-0 flex-1" />
          <button type="submit" disabled={pending} className="rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:opacity-60">
            {pending ? "Subscribing…" : "Subscribe"}
          </button>
          {state.error && (
            <p id={`${id}-error`} className="w-full text-sm text-red-700 dark:text-red-300">
              {state.error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
