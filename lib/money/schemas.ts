/**
 * zod schemas for money settings stored as data: an event's tax lines (tickets_events.taxes) and the
 * platform fee settings (tickets_platform_settings). They accept exactly what priceOrder accepts.
 */
import { z } from "zod";

/** One named tax configured on an event, e.g. { name: "GST", rateBps: 500, inclusive: false }. */
export const taxLineSchema = z.object({
  name: z.string().trim().min(1, "Name the tax").max(40, "At most 40 characters"),
  rateBps: z.number().int().min(0).max(10_000),
  inclusive: z.boolean(),
});

/** An event's tax lines: unique names (case-insensitive), all inclusive or all exclusive. */
export const taxLinesSchema = z.array(taxLineSchema).superRefine((taxes, ctx) => {
  const seen = new Set<string>();
  taxes.forEach((tax, i) => {
    const key = tax.name.toLowerCase();
    if (seen.has(key))
      ctx.addIssue({ code: "custom", path: [i, "name"], message: `Duplicate tax name "${tax.name}"` });
    seen.add(key);
    if (tax.inclusive !== taxes[0]?.inclusive) {
      ctx.addIssue({
        code: "custom",
        path: [i, "inclusive"],
        message: "Taxes must be all inclusive or all exclusive",
      });
    }
  });
});

/** Platform fee per paid ticket: fixed + percent, clamped to [min, max]; minor units of the order currency. */
export const platformFeeSchema = z
  .object({
    fixedMinor: z.number().int().min(0),
    percentBps: z.number().int().min(0).max(5_000),
    minMinor: z.number().int().min(0),
    maxMinor: z.number().int().min(0),
  })
  .refine((fee) => fee.minMinor <= fee.maxMinor, {
    path: ["minMinor"],
    message: "The minimum fee must not be more than the maximum",
  });

/**
 * The taxes an event's tickets are priced with, for checkout and for the prices the event page shows
 * alike: the event's named taxes, or none when Stripe Tax computes the tax at checkout. A malformed stored
 * value prices without taxes rather than failing.
 */
export function eventPricingTaxes(event: { taxes: unknown; stripeTaxEnabled: boolean }): TaxLinesSetting {
  if (event.stripeTaxEnabled) return [];
  const parsed = taxLinesSchema.safeParse(event.taxes);
  return parsed.success ? parsed.data : [];
}

export type TaxLinesSetting = z.infer<typeof taxLinesSchema>;
export type PlatformFeeSetting = z.infer<typeof platformFeeSchema>;
