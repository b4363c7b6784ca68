import { z } from "zod";

/**
 * An address we will write to: plain local parts only (no quoted strings, no lists, no full-width
 * characters), so a single field can never name several mailboxes.
 */
export const ZSubscriberEmail = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .min(1, { error: "Enter your e-mail address." })
  .max(254, { error: "That e-mail address is too long." })
  .regex(/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/, {
    error: "That e-mail address does not look right.",
  })
  .transform((value) => value.toLowerCase());

export const ZSubscribe = z.object({
  blogId: z.string().regex(/^[a-z0-9]{20,40}$/, { error: "The blog is missing." }),
  email: ZSubscriberEmail,
});
