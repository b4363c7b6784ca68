"use server";

import { typedValues } from "@/lib/form-values";
import { createReport } from "@/lib/reports/actions";
import { ZCreateReport } from "@/lib/reports/schemas";

export type ReportFormState = {
  status: "idle" | "sent" | "error";
  errors?: Record<string, string>;
  message?: string;
  /** What was typed, given back with an error: React resets the form after its action. */
  values?: { reason?: string; details?: string; email?: string };
};

const typed = (form: FormData) => typedValues(form, ["reason", "details", "email"]);

export async function submitReport(_previous: ReportFormState, form: FormData): Promise<ReportFormState> {
  const parsed = ZCreateReport.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { status: "error", errors, values: typed(form) };
  }
  const result = await createReport(parsed.data);
  if (!result.ok) return { status: "error", message: "That blog or post is not listed any more, so there is nothing to report.", values: typed(form) };
  return { status: "sent" };
}
