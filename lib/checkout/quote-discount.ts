// The event page's "Apply" on a discount code: the same check and the same pricing the checkout will do,
// so the running total the buyer sees before paying is what they will be charged. Codes are validated, never
// listed; guessing is limited by the route's rate limit.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { findApplicableDiscount } from "@/lib/discounts/find-applicable-discount";
import { toDiscountInput } from "@/lib/discounts/to-discount-input";
import { AppError } from "@/lib/errors";
import { unitPrice, type UnitPrice } from "@/lib/events/unit-price";
import { eventPricingTaxes } from "@/lib/money/schemas";
import { getPlatformFee } from "@/lib/platform/get-platform-fee";

export const quoteQuerySchema = z.object({
  eventId: z.string().trim().min(1).max(64),
  code: z
    .string({ error: "Enter a discount code" })
    .trim()
    .min(1, { error: "Enter a discount code" })
    .max(64, { error: "Discount code is too long (64 characters at most)" }),
});

export interface DiscountQuote {
  code: string;
  /** Every public tier of the event, priced with the code (tiers it does not cover keep their price). */
  tiers: ({ tierId: string } & UnitPrice)[];
}

export async function quoteDiscount(
  { eventId, code }: z.infer<typeof quoteQuerySchema>,
  now = new Date(),
): Promise<DiscountQuote> {
  const event = await db.event.findFirst({
    where: { id: eventId, status: "published", organizer: { status: "active" } },
    select: {
      id: true,
      currency: true,
      taxes: true,
      feeModel: true,
      stripeTaxEnabled: true,
      tiers: { where: { visibility: "public" }, select: { id: true, name: true, priceMinor: true } },
    },
  });
  if (!event) throw AppError.notFound("This event is not on sale.");
  const { discount } = await findApplicableDiscount(db, {
    eventId: event.id,
    code,
    tierIds: event.tiers.map((t) => t.id),
    now,
  });
  const platformFee = await getPlatformFee(event.currency);
  const taxes = eventPricingTaxes(event);
  return {
    code: discount.code,
    tiers: event.tiers.map((tier) => ({
      tierId: tier.id,
      ...unitPrice({
        currency: event.currency,
        tier,
        taxes,
        feeModel: event.feeModel,
        platformFee,
        discount: toDiscountInput(discount),
      }),
    })),
  };
}
