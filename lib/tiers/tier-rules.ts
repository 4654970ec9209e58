// Input rules for ticket tiers, shared by the API (zod at the boundary) and the lib functions. Pure.
import { z } from "zod";
import type { FieldError } from "@/lib/errors";
import { isStorableDate } from "@/lib/http/input";
import { isSupportedCurrency } from "@/lib/money/currencies";
import { MAX_PRICE_MINOR } from "@/lib/tiers/parse-price";

export const TIER_VISIBILITIES = ["public", "hidden"] as const;
export type TierVisibilityValue = (typeof TIER_VISIBILITIES)[number];

export const MAX_TIER_CAPACITY = 1_000_000;
export const MAX_PER_ORDER_LIMIT = 50;
export const DEFAULT_MAX_PER_ORDER = 10;

/** An instant: a Date, or an ISO 8601 string with a zone ("…Z" / "…+02:00"); null clears it. */
export const instantSchema = z
  .union([
    z.date({ error: "must be a date and time" }),
    z.iso
      .datetime({ offset: true, error: "must be a date and time with a zone, e.g. 2026-06-01T19:00:00Z" })
      .transform((s) => new Date(s)),
  ])
  .refine(isStorableDate, { error: "must be a date between the years 1 and 9999" });

const tierFields = {
  name: z
    .string({ error: "is required" })
    .trim()
    .min(1, { error: "is required" })
    .max(80, { error: "must be at most 80 characters" }),
  description: z
    .string({ error: "must be text" })
    .trim()
    .max(2000, { error: "must be at most 2000 characters" })
    .transform((d) => (d === "" ? null : d)),
  priceMinor: z
    .number({ error: "must be a whole number of minor units (e.g. cents)" })
    .int({ error: "must be a whole number of minor units (e.g. cents), not a fraction" })
    .min(0, { error: "must be zero or more" })
    .max(MAX_PRICE_MINOR, { error: `must be at most ${MAX_PRICE_MINOR}` }),
  currency: z.string({ error: "must be a currency code" }).trim().toLowerCase(),
  capacity: z
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(MAX_TIER_CAPACITY, { error: `must be at most ${MAX_TIER_CAPACITY}` }),
  maxPerOrder: z
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(MAX_PER_ORDER_LIMIT, { error: `must be at most ${MAX_PER_ORDER_LIMIT}` }),
  salesStartAt: instantSchema.nullable(),
  salesEndAt: instantSchema.nullable(),
  visibility: z.enum(TIER_VISIBILITIES, { error: "must be public or hidden" }),
  sortOrder: z
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(0, { error: "must be zero or more" })
    .max(1_000_000, { error: "is too large" }),
};

export const createTierSchema = z.object({
  name: tierFields.name,
  description: tierFields.description.nullish().transform((d) => d ?? null),
  priceMinor: tierFields.priceMinor,
  currency: tierFields.currency.optional(),
  capacity: tierFields.capacity,
  maxPerOrder: tierFields.maxPerOrder.optional(),
  salesStartAt: tierFields.salesStartAt.optional(),
  salesEndAt: tierFields.salesEndAt.optional(),
  visibility: tierFields.visibility.optional(),
  sortOrder: tierFields.sortOrder.optional(),
});

export const updateTierSchema = z.object({
  name: tierFields.name.optional(),
  description: tierFields.description.nullable().optional(),
  priceMinor: tierFields.priceMinor.optional(),
  currency: tierFields.currency.optional(),
  capacity: tierFields.capacity.optional(),
  maxPerOrder: tierFields.maxPerOrder.optional(),
  salesStartAt: tierFields.salesStartAt.optional(),
  salesEndAt: tierFields.salesEndAt.optional(),
  visibility: tierFields.visibility.optional(),
  sortOrder: tierFields.sortOrder.optional(),
});

export const reorderTiersSchema = z.object({
  tierIds: z
    .array(z.string({ error: "must be tier ids" }).min(1), { error: "must be a list of tier ids" })
    .max(500, { error: "has too many tiers" }),
});

export type CreateTierInput = z.input<typeof createTierSchema>;
export type UpdateTierInput = z.input<typeof updateTierSchema>;
export type ReorderTiersInput = z.input<typeof reorderTiersSchema>;

/** A tier's columns, as every tier read selects them (TIER_SELECT). */
export interface TierRow {
  id: string;
  eventId: string;
  name: string;
  description: string | null;
  priceMinor: number;
  currency: string;
  capacity: number;
  maxPerOrder: number;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  visibility: TierVisibilityValue;
  sortOrder: number;
}

/** A tier as the portal sees it, with its inventory at the time of reading. */
export interface TierSummary extends TierRow {
  /** Valid (not refunded or void) tickets. */
  sold: number;
  /** Seats in unexpired, unreleased, unconverted holds (buyers in checkout). */
  held: number;
  remaining: number;
}

export function pluralTickets(n: number): string {
  return `${n} ticket${n === 1 ? "" : "s"}`;
}

/** The rules across fields, given the values a tier would have after the change. Pure. */
export function tierCrossFieldErrors(tier: {
  eventCurrency: string;
  /** Only checked when given (a patch that leaves the currency alone is not re-checked). */
  currency?: string;
  capacity: number;
  maxPerOrder: number;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
}): FieldError[] {
  const fields: FieldError[] = [];
  if (tier.currency !== undefined) {
    if (!isSupportedCurrency(tier.currency)) {
      fields.push({ field: "currency", message: `is not a currency we can take payments in` });
    } else if (tier.currency !== tier.eventCurrency) {
      fields.push({
        field: "currency",
        message: `must be the event's currency (${tier.eventCurrency.toUpperCase()})`,
      });
    }
  }
  if (tier.maxPerOrder > tier.capacity) {
    fields.push({ field: "maxPerOrder", message: `must be at most the capacity (${tier.capacity})` });
  }
  if (tier.salesStartAt && tier.salesEndAt && tier.salesEndAt <= tier.salesStartAt) {
    fields.push({ field: "salesEndAt", message: "must be after the sales start" });
  }
  return fields;
}
