import { z } from "zod";

export const REPORT_REASONS = {
  SPAM: "Spam or scraped content",
  COPYRIGHT: "Copyright or takedown request",
  BROKEN: "Broken (wrong feed, dead links, garbled text)",
  OFFENSIVE: "Offensive or harmful",
} as const;

/** A visitor's report, as the form sends it. */
export const ZCreateReport = z.object({
  blogId: z.string().regex(/^[a-z0-9]{20,40}$/, { error: "The listing is missing; open the report form from a blog or post page." }),
  postId: z
    .string()
    .regex(/^[a-z0-9]{20,40}$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  reason: z.enum(["SPAM", "COPYRIGHT", "BROKEN", "OFFENSIVE"], { error: "Choose what is wrong." }),
  details: z.string().trim().max(4000, { error: "Please keep the details under 4,000 characters." }).default(""),
  email: z
    .string()
    .trim()
    .max(254)
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(z.email({ error: "That e-mail address does not look right." }).optional()),
});

export type TCreateReport = z.infer<typeof ZCreateReport>;
