import { z } from "zod";

/** What the subscribe form says of a refused address (components/subscribe-box.ts shows them by code). */
export const SUBSCRIBER_EMAIL_ERRORS = {
  missing: "Enter your e-mail address.",
  invalid: "That e-mail address does not look right.",
  long: "That e-mail address is too long.",
} as const;

/**
 * An address we will write to: plain local parts only (no quoted strings, no lists, no full-width
 * characters), so a single field can never name several mailboxes.
 */
export const ZSubscriberEmail = z
  .string({ error: SUBSCRIBER_EMAIL_ERRORS.missing })
  .trim()
  .min(1, { error: SUBSCRIBER_EMAIL_ERRORS.missing })
  .max(254, { error: SUBSCRIBER_EMAIL_ERRORS.long })
  .regex(/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/, {
    error: SUBSCRIBER_EMAIL_ERRORS.invalid,
  })
  .transform((value) => value.toLowerCase());

export const ZSubscribe = z.object({
  blogId: z.string().regex(/^[a-z0-9]{20,40}$/, { error: "The blog is missing." }),
  email: ZSubscriberEmail,
});
