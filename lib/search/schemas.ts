import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const optionalDate = optionalText.pipe(z.iso.date({ error: "must be a date (YYYY-MM-DD)" }).optional());

/** The search page's query string. Anything malformed is reported, never guessed at. */
export const ZSearchParams = z
  .object({
    q: z.string().trim().max(200, { error: "is too long (200 characters at most)" }).default(""),
    category: optionalText.pipe(z.string().regex(/^[a-z0-9-]{1,80}$/, { error: "is not a category" }).optional()),
    lang: optionalText.pipe(z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i, { error: "is not a language code" }).optional()),
    from: optionalDate,
    to: optionalDate,
    page: z.coerce.number({ error: "must be a page number" }).int().min(1).max(50, { error: "goes up to 50" }).default(1),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ["to"], message: "must not be before the start date" });

export type TSearchParams = z.infer<typeof ZSearchParams>;
