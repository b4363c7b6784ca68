// Collision-resistant ids for rows written by raw SQL, in the same alphabet and length range as
// Prisma's cuid() (lower-case letters and digits, starting with "c"), so routes accept both.
import { randomBytes } from "node:crypto";

let counter = 0;

export function newId(): string {
  counter = (counter + 1) % 1_679_616;
  const time = Date.now().toString(36).padStart(9, "0");
  const count = counter.toString(36).padStart(4, "0");
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`).toString(36).padStart(13, "0").slice(0, 11);
  return `c${time}${count}${random}`;
}
