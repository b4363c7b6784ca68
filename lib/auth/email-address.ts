// The addresses we send magic links to: plain ASCII mailbox@domain with one "@", no quoted local
// parts, comments, lists, spaces or look-alike characters (full-width @), and a dotted domain.
// Anything else is refused before a message or a token exists (security.md 13).
import { z } from "zod";

const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const ZSignInEmail = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter your e-mail address." })
  .max(254, { error: "That address is too long." })
  .refine(
    (address) => {
      const parts = address.split("@");
      return parts.length === 2 && parts[0]!.length <= 64 && LOCAL.test(parts[0]!) && DOMAIN.test(parts[1]!);
    },
    { error: "Enter one plain e-mail address, such as name@example.com." },
  );
