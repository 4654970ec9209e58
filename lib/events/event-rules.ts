// Pure rules for an event's fields: the zod schemas for creating and editing one, and how the times a form
// sends (wall-clock + the event's time zone, or ISO instants) become UTC instants.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import {
  parseInstant,
  parseLocalDateTime,
  zonedTimeToInstant,
  type LocalDateTime,
} from "@/lib/events/zoned-time";
import { CURRENCY_CODES, isSupportedCurrency } from "@/lib/money/currencies";
import { taxLinesSchema } from "@/lib/money/schemas";
import { slugSchema, suggestSlug, timeZoneSchema } from "@/lib/organizers/organizer-rules";

export const EVENT_STATUSES = ["draft", "published", "cancelled", "archived"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const FEE_MODELS = ["buyer_pays", "organizer_absorbs"] as const;
export type FeeModel = (typeof FEE_MODELS)[number];

/** A time as sent: an instant, or a wall-clock time to read in the event's time zone. */
export type DateTimeInput = { kind: "instant"; date: Date } | { kind: "local"; local: LocalDateTime };

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const requiredText = (max: number) =>
  z
    .string({ error: "is required" })
    .trim()
    .min(1, { error: "is required" })
    .max(max, { error: `must be at most ${max} characters` });

const optionalText = (max: number) =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: "must be text" })
      .trim()
      .max(max, { error: `must be at most ${max} characters` })
      .nullable(),
  );

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
const NOT_COUNTRIES = new Set(["ZZ", "EU", "EZ", "UN", "QO"]);

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regionNames.of(code) !== undefined;
}

export const countrySchema = z
  .string({ error: "is required" })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { error: "must be a two-letter ISO country code, e.g. CA" });

export const eventCurrencySchema = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .refine(isSupportedCurrency, { error: `must be one of ${CURRENCY_CODES.join(", ")}` });

export const dateTimeSchema = z.string({ error: "is required" }).transform((raw, ctx): DateTimeInput => {
  const value = raw.trim();
  const date = parseInstant(value);
  if (date) return { kind: "instant", date };
  const local = parseLocalDateTime(value);
  if (local) return { kind: "local", local };
  ctx.addIssue({ code: "custom", message: "must be a date and time, e.g. 2026-12-27T20:00" });
  return z.NEVER;
});

const optionalDateTime = z.preprocess(blankToNull, dateTimeSchema.nullable());

export const capacitySchema = z.preprocess(
  (v) => {
    const blank = blankToNull(v);
    return typeof blank === "string" && /^\s*-?\d+\s*$/.test(blank) ? Number(blank) : blank;
  },
  z
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(1_000_000, { error: "must be at most 1,000,000" })
    .nullable(),
);

const coordinate = (limit: number) =>
  z.preprocess(
    (v) => {
      const blank = blankToNull(v);
      return typeof blank === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(blank) ? Number(blank) : blank;
    },
    z
      .number({ error: "must be a number of degrees, e.g. 49.2827" })
      .min(-limit, { error: `must be between -${limit} and ${limit}` })
      .max(limit, { error: `must be between -${limit} and ${limit}` })
      .nullable(),
  );

/** A map pin is both coordinates or neither: the field left empty is named. */
export function assertCoordinatesPaired(latitude: number | null, longitude: number | null): void {
  if (latitude === null && longitude !== null) {
    throw AppError.validation("venueLatitude", "is required when the longitude is set");
  }
  if (longitude === null && latitude !== null) {
    throw AppError.validation("venueLongitude", "is required when the latitude is set");
  }
}

const coverImageUrlSchema = z.preprocess(
  blankToNull,
  z
    .url({ protocol: /^https?$/, error: "must be an http(s) address" })
    .max(2000, { error: "is too long" })
    .nullable(),
);

const fields = {
  title: requiredText(140),
  slug: slugSchema,
  summary: optionalText(280),
  description: optionalText(10_000),
  venueName: requiredText(140),
  venueAddress: optionalText(200),
  venueLatitude: coordinate(90),
  venueLongitude: coordinate(180),
  city: requiredText(80),
  region: optionalText(80),
  country: countrySchema,
  timezone: timeZoneSchema,
  startsAt: dateTimeSchema,
  endsAt: dateTimeSchema,
  capacity: capacitySchema,
  currency: eventCurrencySchema,
  coverImageUrl: coverImageUrlSchema,
  allowRefundsUntil: optionalDateTime,
  feeModel: z.enum(FEE_MODELS, { error: "must be buyer_pays or organizer_absorbs" }),
  taxes: taxLinesSchema,
  stripeTaxEnabled: z.boolean({ error: "must be true or false" }),
  transfersEnabled: z.boolean({ error: "must be true or false" }),
};

/** POST body: slug, time zone and currency may be left out (suggested from the title / the organizer's). */
export const createEventSchema = z.object({
  ...fields,
  slug: z.preprocess((v) => blankToNull(v) ?? undefined, slugSchema.optional()),
  timezone: timeZoneSchema.optional(),
  currency: eventCurrencySchema.optional(),
  summary: fields.summary.optional(),
  description: fields.description.optional(),
  venueAddress: fields.venueAddress.optional(),
  venueLatitude: fields.venueLatitude.optional(),
  venueLongitude: fields.venueLongitude.optional(),
  region: fields.region.optional(),
  capacity: fields.capacity.optional(),
  coverImageUrl: fields.coverImageUrl.optional(),
  allowRefundsUntil: fields.allowRefundsUntil.optional(),
  feeModel: fields.feeModel.default("buyer_pays"),
  taxes: fields.taxes.default([]),
  stripeTaxEnabled: fields.stripeTaxEnabled.default(false),
  transfersEnabled: fields.transfersEnabled.default(true),
});

/** PATCH body: any subset of the fields; null clears an optional one. */
export const updateEventSchema = z.object(fields).partial();

export type CreateEventInput = z.input<typeof createEventSchema>;
export type UpdateEventInput = z.input<typeof updateEventSchema>;

export function resolveDateTime(value: DateTimeInput, timeZone: string): Date {
  return value.kind === "instant" ? value.date : zonedTimeToInstant(value.local, timeZone);
}

/** 422 naming `endsAt` unless the event ends after it starts. */
export function assertEndsAfterStart(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw AppError.validation("endsAt", "must be after the start");
}

/** A valid slug suggestion for a title (falls back to "event" for titles with no usable letters). */
export function suggestEventSlug(title: string): string {
  const base = suggestSlug(title).slice(0, 50).replace(/-+$/g, "");
  const parsed = slugSchema.safeParse(base);
  return parsed.success ? parsed.data : `event-${base}`.replace(/-+$/g, "").slice(0, 50);
}

/** Archived and cancelled events are history: no more edits (409). */
export function assertEventEditable(status: EventStatus): void {
  if (status === "archived" || status === "cancelled") {
    throw AppError.conflict(`This event is ${status} and can no longer be changed.`);
  }
}
