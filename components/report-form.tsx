"use client";

import { useActionState } from "react";
import { submitReport, type ReportFormState } from "@/app/(site)/report/actions";
import { REPORT_REASONS } from "@/lib/reports/schemas";

export function ReportForm({ blogId, postId }: { blogId: string; postId?: string }) {
  const [state, action, pending] = useActionState<ReportFormState, FormData>(submitReport, { status: "idle" });
  if (state.status === "sent") {
    return (
      <p role="status" className="rounded-lg bg-emerald-50 p-4 font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
        Thank you. Your report is with our moderators, who look at every one.
      </p>
    );
  }
  const error = (field: string) =>
    state.errors?.[field] ? (
      <p id={`${field}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
        {state.errors[field]}
      </p>
    ) : null;
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="blogId" value={blogId} />
      {postId && <input type="hidden" name="postId" value={postId} />}
      {state.message && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-100">
          {state.message}
        </p>
      )}
      <fieldset aria-describedby={state.errors?.reason ? "reason-error" : undefined}>
        <legend className="font-semibold">What is wrong?</legend>
        <div className="mt-2 space-y-2">
          {Object.entries(REPORT_REASONS).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="reason" value={value} defaultChecked={state.values?.reason === value} />
              {label}
            </label>
          ))}
        </div>
        {error("reason")}
      </fieldset>
      <label className="block">
        <span className="font-semibold">Details</span> <span className="text-sm text-stone-500 dark:text-stone-400">(optional)</span>
        <textarea name="details" rows={5} maxLength={4000} defaultValue={state.values?.details} className="mt-1 w-full rounded-lg border border-stone-300 bg-white p-2 dark:border-stone-600 dark:bg-stone-900" aria-describedby={state.errors?.details ? "details-error" : undefined} />
        {error("details")}
      </label>
      <label className="block">
        <span className="font-semibold">Your e-mail</span> <span className="text-sm text-stone-500 dark:text-stone-400">(optional, if you would like an answer)</span>
        <input type="email" name="email" maxLength={254} defaultValue={state.values?.email} className="mt-1 w-full rounded-lg border border-stone-300 bg-white p-2 dark:border-stone-600 dark:bg-stone-900" aria-describedby={state.errors?.email ? "email-error" : undefined} />
        {error("email")}
      </label>
      {error("blogId")}
      <button type="submit" disabled={pending} className="rounded-lg bg-teal-700 px-5 py-2 font-semibold text-white hover:bg-teal-800 disabled:opacity-60">
        {pending ? "Sending…" : "Send report"}
      </button>
    </form>
  );
}
