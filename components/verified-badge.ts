import { html } from "./html";

const verifiedClass = "font-normal text-emerald-700 dark:text-emerald-400";

/**
 * The owner proved the blog is theirs (a claim checked monthly): shown beside its name wherever it
 * is listed. As markup (components/html.tsx), at its card size unless told.
 */
export const verifiedBadgeHtml = (className = "text-xs") => html`<span class="${className} ${verifiedClass}" title="Ownership verified">✓ verified</span>`;
