import { html, type Html } from "./html";

/** The initials and the hue (0-359) that stand in for a listing without an icon; the same name, the same colours. */
export function initialsOf(name: string): { initials: string; hue: number } {
  const initials = name.split(/\s+/).filter((word) => /^[A-Za-z0-9]/.test(word)).slice(0, 2).map((word) => word[0]).join("").toUpperCase();
  let hue = 0;
  for (const char of name) hue = (hue * 31 + char.charCodeAt(0)) % 360;
  return { initials, hue };
}

const initialsClass = "inline-flex shrink-0 items-center justify-center rounded-lg font-semibold text-white";

/** A listing's site icon, or its initials on a colour derived from its name, as markup (components/html.tsx). */
export function listingIconHtml(name: string, iconUrl: string | null, size = 40): Html {
  if (iconUrl) return html`<img src="${iconUrl}" alt="" width="${size}" height="${size}" class="rounded-lg"/>`;
  const { initials, hue } = initialsOf(name);
  return html`<span aria-hidden="true" class="${initialsClass}" style="width:${size}px;height:${size}px;background:hsl(${hue} 55% 28%);font-size:${size * 0.4}px">${initials}</span>`;
}
