import { z } from "zod";

/** A listing's slug as it appears in a URL. */
export const ZListingSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(120);

/** Up to five tags typed as a comma-separated list: trimmed, lower-cased, without repeats. */
export const ZTagList = z
  .string()
  .max(300, { error: "Keep the tags short: up to five, separated by commas." })
  .default("")
  .transform((value) => [...new Set(value.split(",").map((tag) => tag.trim().toLowerCase()).filter(Boolean))])
  .refine((tags) => tags.length <= 5, { error: "Up to five tags, separated by commas." })
  .refine((tags) => tags.every((tag) => /^[\p{L}\p{N}][\p{L}\p{N} &'-]{0,29}$/u.test(tag)), { error: "Tags are words of up to 30 letters or digits, separated by commas." });

/** A language code such as en or pt-BR, or nothing. */
export const ZLanguageCode = z
  .string()
  .trim()
  .default("")
  .refine((value) => value === "" || /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i.test(value), { error: "Use a language code, such as en or pt-BR." });

/** "time_id", the keyset cursor of a listing's older posts: the last card's publishedAt (ms) and id. */
export const ZPostCursor = z
  .string()
  .regex(/^\d{1,15}_[a-z0-9]{20,40}$/)
  .transform((value) => {
    const [time, id] = value.split("_") as [string, string];
    return { publishedAt: new Date(Number(time)), id };
  });
export type TPostCursor = { publishedAt: Date; id: string };
