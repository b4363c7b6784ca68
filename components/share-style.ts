/** The looks of the controls the share script builds (share-links.ts). */
export const SHARE_STYLE = {
  row: "mt-2 flex flex-wrap items-center gap-2",
  button: "inline-block rounded-full border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800",
  status: "text-sm text-stone-600 dark:text-stone-300",
  input: "w-72 max-w-full rounded border border-stone-300 px-2 py-0.5 dark:border-stone-600 dark:bg-stone-900",
};

