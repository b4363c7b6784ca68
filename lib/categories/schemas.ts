import { z } from "zod";

export const ZCategorySlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);

/**
 * "score_id", the keyset cursor of a category ranking page. The score is written as JavaScript
 * writes a number, so a small one comes as "3.2e-7" (and PostgreSQL's text of it as "3.2e-07").
 */
export const ZRankCursor = z
  .string()
  .regex(/^\d+(\.\d+)?(e[+-]?\d{1,3})?_[a-z0-9]{20,40}$/)
  .transform((value) => {
    const [score, id] = value.split("_") as [string, string];
    return { score: Number(score), id };
  });
