// Shared formatting for dates and counts, fixed to one locale and time zone so the server's
// rendering is the same on every machine.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export const formatDate = (date: Date) => dateFormat.format(date);

export function formatPostingRate(postsPerWeek: number): string {
  if (postsPerWeek >= 1) return `about ${Math.round(postsPerWeek)} post${Math.round(postsPerWeek) === 1 ? "" : "s"} a week`;
  if (postsPerWeek * 4.3 >= 1) return `about ${Math.round(postsPerWeek * 4.3)} posts a month`;
  return "rarely";
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/** "pt-BR" → "Brazilian Portuguese"; a code Intl cannot read (stored before codes were checked) as written. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
