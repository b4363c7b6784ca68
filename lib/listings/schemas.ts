import { z } from "zod";

/** A listing's slug as it appears in a URL. */
export const ZListingSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(120);
