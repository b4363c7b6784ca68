import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZRankCursor } from "./schemas";

describe("the ranking cursor", () => {
  it("reads back every score the next-page link writes, tiny ones in exponent form included", () => {
    const id = "c0mx03gafo258u028tvo0sq1w";
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (score) => {
        expect(ZRankCursor.parse(`${score}_${id}`)).toEqual({ score, id });
      }),
      { numRuns: 5_000 },
    );
    expect(ZRankCursor.parse(`${3.2e-7}_${id}`).score).toBe(3.2e-7);
    expect(ZRankCursor.parse(`3.2e-07_${id}`).score).toBe(3.2e-7); // PostgreSQL's float8 text
  });

  it("refuses what is not a cursor", () => {
    for (const bad of ["", "1_short", "-1_c0mx03gafo258u028tvo0sq1w", "1e_c0mx03gafo258u028tvo0sq1w", "NaN_c0mx03gafo258u028tvo0sq1w", "1_C0MX03GAFO258U028TVO0SQ1W!"]) {
      expect(ZRankCursor.safeParse(bad).success, bad).toBe(false);
    }
  });
});
