/**
 * The named text fields of a submitted form ("" for one left out). A form's answer carries them back
 * when it is an error: React resets a form after its action, so what was typed would otherwise be lost
 * and typed again.
 */
export function typedValues<F extends string>(form: FormData, fields: readonly F[]): Record<F, string> {
  return Object.fromEntries(fields.map((field) => [field, String(form.get(field) ?? "")])) as Record<F, string>;
}
