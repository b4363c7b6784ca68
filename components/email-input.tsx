/** The e-mail field of the site's forms (sign-in, subscribe), with its error wiring. */
export function EmailInput({ id, invalid, describedBy, className, defaultValue }: { id: string; invalid: boolean; describedBy?: string; className: string; defaultValue?: string }) {
  return (
    <input
      id={id}
      defaultValue={defaultValue}
      name="email"
      type="email"
      autoComplete="email"
      required
      placeholder="you@example.com"
      aria-invalid={invalid}
      aria-describedby={describedBy}
      className={`rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950 ${className}`}
    />
  );
}
