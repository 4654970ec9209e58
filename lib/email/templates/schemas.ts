import { z } from "zod";

/** Links in emails: absolute http(s) only, so a template can never carry `javascript:` or `data:` URLs. */
export const emailUrlSchema = z.url({ protocol: /^https?$/ });

/** A single line of text from our data (titles, names): trimmed, 1 to `max` characters, inner whitespace folded. */
export const oneLineSchema = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((v) => v.replace(/\s+/g, " "));
