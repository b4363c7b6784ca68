// Shared class names of the admin area's controls.
export const input = "rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-600 dark:bg-stone-950";
export const button = "rounded-lg border border-stone-300 px-3 py-1.5 text-sm font-semibold hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800";
export const primary = "rounded-lg bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-800";
export const danger = "rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800";
export const card = "rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-700 dark:bg-stone-900";
export const table = "w-full border-collapse text-left text-sm [&_td]:border-t [&_td]:border-stone-200 [&_td]:px-2 [&_td]:py-2 [&_th]:px-2 [&_th]:py-2 dark:[&_td]:border-stone-700";
