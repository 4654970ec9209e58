// E-mail addresses as the product stores and compares them: NFKC-normalised, trimmed, lower case (the same
// normalisation Auth.js applies to the magic-link identifier, so rate-limit keys and invitations match it).
import { z } from "zod";

export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

/** A user-entered e-mail address, normalised. */
export const emailSchema = z
  .string({ error: "is required" })
  .transform(normalizeEmail)
  .pipe(z.email({ error: "must be a valid email address" }).max(254, { error: "is too long" }));
