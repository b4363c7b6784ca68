// Dates as feeds really write them: RFC 822 (with and without weekday or seconds, with named zones),
// ISO 8601 (with and without zone, with a space instead of T), and a few common slips. Returns
// undefined for anything unparseable; the caller falls back to the time the entry was first seen.

const ZONES: Record<string, string> = {
  UT: "+0000", GMT: "+0000", Z: "+0000", UTC: "+0000",
  EST: "-0500", EDT: "-0400", CST: "-0600", CDT: "-0500", MST: "-0700", MDT: "-0600", PST: "-0800", PDT: "-0700",
  CET: "+0100", CEST: "+0200", BST: "+0100", IST: "+0530", JST: "+0900", AEST: "+1000", AEDT: "+1100",
};

// Month names in the languages feeds most often localise them into (against RFC 822).
const MONTHS: Record<string, string> = Object.fromEntries(
  [
    ["Jan", "jan ene janv gen jän januar janeiro enero janvier gennaio"],
    ["Feb", "feb fev févr fév februar fevereiro febrero février febbraio"],
    ["Mar", "mar mär märz março marzo mars"],
    ["Apr", "apr abr avr april abril avril aprile"],
    ["May", "may mai mag maio mayo maggio"],
    ["Jun", "jun juin giu juni junho junio juin giugno"],
    ["Jul", "jul juil lug juli julho julio juillet luglio"],
    ["Aug", "aug ago août aoû august agosto"],
    ["Sep", "sep set sept september setembro septiembre septembre settembre"],
    ["Oct", "oct okt out ott oktober outubro octubre octobre ottobre"],
    ["Nov", "nov november novembro noviembre novembre"],
    ["Dec", "dec dez déc dic dezember dezembro diciembre décembre dicembre"],
  ].flatMap(([english, names]) => names!.split(" ").map((name) => [name, english!])),
);

const MIN = Date.UTC(1990, 0, 1);

// The two shapes nearly every feed writes, which Date.parse reads as they are: RFC 822 as
// toUTCString() writes it (English names, four-digit year, seconds, GMT or a numeric zone) and
// ISO 8601 with a zone. The weekday is cut (it may disagree with the date); anything else takes
// the long way below. A test checks that both ways agree.
const PLAIN_RFC822 = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (?:GMT|[+-]\d{4}))$/;
const PLAIN_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;

export function parseFeedDate(raw: unknown, now = Date.now()): Date | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw;
  if (typeof raw !== "string") return undefined;
  const plain = PLAIN_ISO.test(raw) ? raw : PLAIN_RFC822.exec(raw)?.[1];
  if (plain !== undefined) return checked(Date.parse(plain), now);
  return parseLoose(raw, now);
}

function checked(time: number, now: number): Date | undefined {
  if (Number.isNaN(time) || time < MIN) return undefined;
  // A date far in the future is a typo; treat it as unknown rather than pin the post on top.
  if (time > now + 2 * 86_400_000) return undefined;
  return new Date(time);
}

/** Every other way feeds write dates. */
export function parseLoose(raw: string, now = Date.now()): Date | undefined {
  let text = raw.trim().replace(/\s+/g, " ");
  if (!text) return undefined;
  // ISO 8601 with a space, or a date alone.
  if (/^\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2})/.test(text)) text = text.replace(" ", "T");
  // Named zones that Date.parse does not know, and "+05:30"-less offsets like "+530".
  text = text.replace(/\b([A-Z]{2,4})$/, (zone) => ZONES[zone] ?? zone);
  // Weekday names that disagree with the date, or are misspelt, only confuse parsers.
  text = text.replace(/^[A-Za-z]{2,9},? (?=\d)/, "");
  text = text.replace(/^(\d{1,2}) ([A-Za-zÀ-ÿ]{3,9})\.? /, (match, day: string, month: string) => {
    const english = MONTHS[month.toLowerCase()];
    return english ? `${day} ${english} ` : match;
  });
  // Two-digit years (RFC 822): 99 → 1999, 05 → 2005.
  text = text.replace(/^(\d{1,2} [A-Za-z]{3,9}) (\d{2}) (\d)/, (_m, dm: string, yy: string, rest: string) => `${dm} ${Number(yy) < 70 ? 20 : 19}${yy} ${rest}`);
  // Without a four-digit year there is no date to trust (V8 guesses at almost anything).
  if (!/(^|[^\d])(19|20)\d\d([^\d]|$)/.test(text)) return undefined;
  let time = Date.parse(text);
  if (Number.isNaN(time)) {
    // A time without seconds and without zone, e.g. "12 Mar 2024 10:30".
    time = Date.parse(`${text} +0000`);
  }
  return checked(time, now);
}
