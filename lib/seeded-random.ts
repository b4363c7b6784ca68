// A small seeded PRNG (mulberry32 seeded from a SHA-256 of a text), for demo and benchmark data
// that must come out the same on every run.
import { createHash } from "node:crypto";

export type Random = () => number;

export function seededRandom(seedText: string): Random {
  let state = createHash("sha256").update(seedText).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
