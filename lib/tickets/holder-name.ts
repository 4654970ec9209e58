// A ticket holder's name as people type it (checkout, the passes page, a transfer's recipient): one line,
// trimmed, inner whitespace folded, 1 to HOLDER_NAME_MAX characters, no control or invisible formatting
// characters (they would reach the door's screen and the PDF). Pure: shared by the server and the forms.
import { z } from "zod";

export const HOLDER_NAME_MAX = 120;

/** Control characters (C0, DEL, C1), line/paragraph separators and bidi or zero-width formatting marks. */
const FORBIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

export const holderNameSchema = z
  .string({ error: "is required" })
  .refine((raw) => !FORBIDDEN.test(raw), { error: "must not contain control characters" })
  .transform((raw) => raw.normalize("NFC").trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, { error: "is required" })
      .max(HOLDER_NAME_MAX, { error: `must be at most ${HOLDER_NAME_MAX} characters` }),
  );

/** At checkout: a blank name means "none" (the buyer's name is used). */
export const optionalHolderNameSchema = z
  .string()
  .optional()
  .transform((raw) => (raw === undefined || raw.trim() === "" ? undefined : raw))
  .pipe(holderNameSchema.optional());
