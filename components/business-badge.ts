import { html } from "./html";

const badgeClass = "rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900 dark:bg-amber-900 dark:text-amber-100";

/** The label of a paid Business Listing, as markup (components/html.tsx). */
export const businessBadgeHtml = html`<span class="${badgeClass}">Business</span>`;
