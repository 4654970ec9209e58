// Pure rules for organizer profiles: slugs, currencies, time zones. Shared by the API and the forms.
import { z } from "zod";
import { CURRENCY_CODES, isSupportedCurrency, type CurrencyCode } from "@/lib/money/currencies";

/** Stripe-supported currencies we offer (one list, in lib/money). */
export const SUPPORTED_CURRENCIES = CURRENCY_CODES;
export type SupportedCurrency = CurrencyCode;

const RESERVED_SLUGS = new Set([
  "new",
  "admin",
  "api",
  "account",
  "login",
  "organizer",
  "organizers",
  "tickets",
]);
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidSlug(slug: string): boolean {
  return slug.length >= 3 && slug.length <= 60 && SLUG_PATTERN.test(slug) && !RESERVED_SLUGS.has(slug);
}

/** A slug suggestion for a name: "Café Quiñones & Co." → "cafe-quinones-co". May be shorter than 3. */
export function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

/**
 * The canonical IANA name for a time zone ("america/vancouver" → "America/Vancouver"), or null when the
 * runtime does not know it. UTC offsets like "+05:00" are refused: events need a zone with DST rules.
 */
export function canonicalTimeZone(value: string): string | null {
  const name = value.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const slugSchema = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .min(3, { error: "must be at least 3 characters" })
  .max(60, { error: "must be at most 60 characters" })
  .regex(SLUG_PATTERN, { error: "may only contain a–z, 0–9 and single hyphens between them" })
  .refine((s) => !RESERVED_SLUGS.has(s), { error: "is reserved, choose another" });

export const currencySchema = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .refine((c): c is SupportedCurrency => isSupportedCurrency(c), {
    error: `must be one of ${SUPPORTED_CURRENCIES.join(", ")}`,
  });

export const timeZoneSchema = z.string({ error: "is required" }).transform((value, ctx) => {
  const zone = canonicalTimeZone(value);
  if (!zone) {
    ctx.addIssue({ code: "custom", message: "must be a valid IANA time zone, e.g. America/Vancouver" });
    return z.NEVER;
  }
  return zone;
});

export const organizerNameSchema = z
  .string({ error: "is required" })
  .trim()
  .min(2, { error: "must be at least 2 characters" })
  .max(120, { error: "must be at most 120 characters" });
