import { z } from "zod";
import type { OrderSummaryTaxLine } from "@/lib/orders/order-summary";

const storedTaxLineSchema = z.object({
  name: z.string(),
  rateBps: z.number().int().nullish(),
  inclusive: z.boolean().nullish(),
  amountMinor: z.number().int(),
});

/** Reads stored tax lines (JSON column) defensively: anything malformed is left out rather than thrown. */
export function parseStoredTaxLines(value: unknown): OrderSummaryTaxLine[] {
  if (!Array.isArray(value)) return [];
  const lines: OrderSummaryTaxLine[] = [];
  for (const item of value) {
    const parsed = storedTaxLineSchema.safeParse(item);
    if (!parsed.success) continue;
    lines.push({
      name: parsed.data.name,
      rateBps: parsed.data.rateBps ?? null,
      inclusive: parsed.data.inclusive ?? false,
      amountMinor: parsed.data.amountMinor,
    });
  }
  return lines;
}
