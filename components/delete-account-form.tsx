"use client";

import { useActionState, useId } from "react";
import { deleteAccountAction, type DeleteAccountState } from "@/app/(site)/account/actions";

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState<DeleteAccountState, FormData>(deleteAccountAction, {});
  const id = useId();
  return (
    <form action={action} noValidate className="space-y-2 rounded-xl border border-red-200 p-4 dark:border-red-900">
      <h2 className="text-lg font-semibold">Delete my account</h2>
      <p className="text-sm text-stone-600 dark:text-stone-300">Your listings stay in the directory without an owner, open to be claimed again. This cannot be undone.</p>
      <label htmlFor={`${id}-confirm`} className="block font-medium">
        Type <strong>delete</strong> to confirm
      </label>
      <input id={`${id}-confirm`} name="confirm" autoComplete="off" defaultValue={state.typed} aria-invalid={Boolean(state.error)} aria-describedby={state.error ? `${id}-error` : undefined} className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950" />
      {state.error && (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-300">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded-lg bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60">
        Delete my account
      </button>
    </form>
  );
}
