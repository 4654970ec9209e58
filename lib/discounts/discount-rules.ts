// Input rules for discount codes, shared by the API and the lib functions. Pure.
import { z } from "zod";
import { AppError, type FieldError } from "@/lib/errors";
import { MAX_PRICE_MINOR } from "@/lib/tiers/parse-price";
import { instantSchema } from "@/lib/tiers/tier-rules";

export const DISCOUNT_KINDS = ["percent", "fixed"] as const;
export type DiscountKindValue = (typeof DISCOUNT_KINDS)[number];

const CODE_PATTERN = /^[A-Z0-9_-]{3,32}$/;

/** Codes are case-insensitive: stored and compared upper-case, surrounding spaces ignored. */
export function normalizeDiscountCode(code: string): string {
  return code.trim().toUpperCase();
}

export function isValidDiscountCode(code: string): boolean {
  return CODE_PATTERN.test(normalizeDiscountCode(code));
}

export const discountCodeSchema = z
  .string({ error: "is required" })
  .transform(normalizeDiscountCode)
  .refine((c) => CODE_PATTERN.test(c), {
    error: "must be 3–32 characters: letters, digits, - or _",
  });

const fields = {
  kind: z.enum(DISCOUNT_KINDS, { error: "must be percent or fixed" }),
  percentBps: z
    .number({ error: "must be a whole number of basis points (1000 = 10%)" })
    .int({ error: "must be a whole number of basis points (1000 = 10%)" })
    .min(1, { error: "must be between 1 and 10000 basis points (0.01%–100%)" })
    .max(10_000, { error: "must be between 1 and 10000 basis points (0.01%–100%)" }),
  amountMinor: z
    .number({ error: "must be a whole number of minor units (e.g. cents)" })
    .int({ error: "must be a whole number of minor units (e.g. cents)" })
    .min(1, { error: "must be at least 1" })
    .max(MAX_PRICE_MINOR, { error: `must be at most ${MAX_PRICE_MINOR}` }),
  currency: z.string({ error: "must be a currency code" }).trim().toLowerCase(),
  maxUses: z
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(1_000_000, { error: "is too large" }),
  tierIds: z
    .array(z.string({ error: "must be tier ids" }).min(1, { error: "must be tier ids" }), {
      error: "must be a list of tier ids",
    })
    .max(500, { error: "has too many tiers" })
    .transform((ids) => [...new Set(ids)]),
  active: z.boolean({ error: "must be true or false" }),
};

export const createDiscountSchema = z.object({
  code: discountCodeSchema,
  kind: fields.kind,
  percentBps: fields.percentBps.nullish(),
  amountMinor: fields.amountMinor.nullish(),
  currency: fields.currency.optional(),
  maxUses: fields.maxUses.nullish(),
  validFrom: instantSchema.nullish(),
  validUntil: instantSchema.nullish(),
  tierIds: fields.tierIds.optional(),
  active: fields.active.optional(),
});

/** A patch: any of the fields a new code takes, each checked the same way. */
export const updateDiscountSchema = createDiscountSchema.partial();

export type CreateDiscountInput = z.input<typeof createDiscountSchema>;
export type UpdateDiscountInput = z.input<typeof updateDiscountSchema>;

/** A discount code's columns, as every discount read selects them (DISCOUNT_SELECT). */
export interface DiscountRow {
  id: string;
  eventId: string;
  code: string;
  kind: DiscountKindValue;
  percentBps: number | null;
  amountMinor: number | null;
  maxUses: number | null;
  validFrom: Date | null;
  validUntil: Date | null;
  /** Empty: every tier of the event. */
  tierIds: string[];
  active: boolean;
}

/** A discount code as the portal sees it. */
export interface DiscountSummary extends DiscountRow {
  /** Orders holding the code: pending and unexpired, or paid / partially refunded. */
  uses: number;
}

/** The rules across fields, given the values a code would have after the change. Pure. */
export function discountCrossFieldErrors(discount: {
  eventCurrency: string;
  currency?: string;
  kind: DiscountKindValue;
  percentBps: number | null;
  amountMinor: number | null;
  validFrom: Date | null;
  validUntil: Date | null;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (discount.kind === "percent" && discount.percentBps === null) {
    errors.push({ field: "percentBps", message: "is required for a percent-off code" });
  }
  if (discount.kind === "fixed" && discount.amountMinor === null) {
    errors.push({ field: "amountMinor", message: "is required for an amount-off code" });
  }
  if (discount.currency !== undefined && discount.currency !== discount.eventCurrency) {
    errors.push({
      field: "currency",
      message: `must be the event's currency (${discount.eventCurrency.toUpperCase()})`,
    });
  }
  if (discount.validFrom && discount.validUntil && discount.validUntil <= discount.validFrom) {
    errors.push({ field: "validUntil", message: "must be after the start of validity" });
  }
  return errors;
}

/** 409 naming `code`: codes are unique per event, whatever their case. */
export function duplicateCodeError(code: string): AppError {
  return AppError.conflict(`The code ${code} already exists for this event.`, "code");
}
