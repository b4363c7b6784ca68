"use client";

import { useActionState, type ReactNode } from "react";
import { useTypedBack, type TypedBack } from "../typed-back";

export type AdminFormState = { ok?: boolean; message?: string };
type Action = (previous: AdminFormState, form: FormData) => Promise<AdminFormState>;

/**
 * A form bound to one admin action; its answer is said next to it (status or alert). A refused
 * action leaves what was typed (the reason, a note) in place to mend.
 */
export function ActionForm({ action, children, className, label }: { action: Action; children: ReactNode; className?: string; label?: string }) {
  const [state, formAction, pending] = useActionState<AdminFormState & { typed?: TypedBack }, FormData>(async (previous, sent) => {
    const answer = await action(previous, sent);
    return answer.ok ? answer : { ...answer, typed: { sent, dealtWith: () => false } };
  }, {});
  const form = useTypedBack(state.typed);
  return (
    <form ref={form} action={formAction} className={className} aria-label={label} aria-busy={pending}>
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={`mt-2 text-sm ${state.ok ? "text-emerald-800 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
