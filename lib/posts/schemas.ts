import { z } from "zod";

/** A post id as it appears in a URL (a cuid). */
export const ZPostId = z.string().regex(/^[a-z0-9]{20,40}$/);
