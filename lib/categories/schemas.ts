import { z } from "zod";

export const ZCategorySlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);

/** "score_id", the keyset cursor of a category ranking page. */
export const ZRankCursor = z
  .string()
  .regex(/^\d+(\.\d+)?_[a-z0-9]{20,40}$/)
  .transform((value) => {
    const [score, id] = value.split("_") as [string, string];
    return { score: Number(score), id };
  });
