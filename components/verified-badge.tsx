import { html } from "./html";

const verifiedClass = "font-normal text-emerald-700 dark:text-emerald-400";

/** The owner proved the blog is theirs (a claim checked monthly): shown beside its name wherever it is listed. */
export function VerifiedBadge({ className = "text-xs" }: { className?: string }) {
  return (
    <span className={`${className} ${verifiedClass}`} title="Ownership verified">
      ✓ verified
    </span>
  );
}

/** `VerifiedBadge` at its card size, as markup (components/html.tsx). */
export const verifiedBadgeHtml = html`<span class="text-xs ${verifiedClass}" title="Ownership verified">✓ verified</span>`;
