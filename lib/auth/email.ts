// E-mail addresses as the product stores and compares them: NFKC-normalised, trimmed, lower case. One
// spelling everywhere: our magic-link route, the rate limiter, Auth.js (its normalizeIdentifier is
// canonicalEmail), invitations and admin checks, so a limit keyed on an address covers every way to write it.
import { z } from "zod";

export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

/** Characters no address we accept contains: separators between addresses, quotes, whitespace, controls. */
const AMBIGUOUS = /[,;"'<>()[\]\\\s\u0000-\u001f\u007f]/;
const EMAIL_MAX_LENGTH = 254;
const emailFormat = z.email();

/**
 * The one spelling of an address (normalizeEmail), or null when the input is not exactly one plain address:
 * a comma or semicolon (a list), more than one `@`, quotes, whitespace or control characters inside, NUL.
 */
export function canonicalEmail(raw: string): string | null {
  const email = normalizeEmail(raw);
  if (AMBIGUOUS.test(email) || email.split("@").length !== 2 || email.length > EMAIL_MAX_LENGTH) return null;
  return emailFormat.safeParse(email).success ? email : null;
}

/** A user-entered e-mail address, in its one spelling; ambiguous or invalid input is a 422. */
export const emailSchema = z.string({ error: "is required" }).transform((raw, ctx) => {
  const email = canonicalEmail(raw);
  if (email === null) {
    ctx.addIssue({ code: "custom", message: "must be a single valid email address" });
    return z.NEVER;
  }
  return email;
});
