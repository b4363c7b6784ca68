// The admin area's labelled controls: a label above its control, and the reason every audited
// action asks for (its limits are ZAuditReason's, lib/admin/audit.ts).
import type { ReactNode } from "react";
import { input } from "./styles";

/** A control with its label above it. */
export function Field({ label, block = false, children }: { label: string; block?: boolean; children: ReactNode }) {
  return (
    <label className={block ? "block text-sm" : "text-sm"}>
      <span className="block font-medium">{label}</span>
      {children}
    </label>
  );
}

/** The reason an audited action records; the server checks it again. */
export function ReasonInput({ label = "Reason (kept in the audit log)" }: { label?: string }) {
  return (
    <Field label={label}>
      <input name="reason" required minLength={3} maxLength={500} className={input} />
    </Field>
  );
}
