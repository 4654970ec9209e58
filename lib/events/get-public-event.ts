import "server-only";
import { db } from "@/lib/db";
import { eventDetailsSelect } from "@/lib/events/event-display";
import { getAvailability } from "@/lib/inventory/get-availability";
import { tierSaleState, type TierSaleState } from "@/lib/inventory/tier-sale-state";
import { priceOrder } from "@/lib/money/price-order";
import { eventPricingTaxes } from "@/lib/money/schemas";
import { getPlatformFee } from "@/lib/platform/get-platform-fee";
import { TIER_SALE_SELECT } from "@/lib/tiers/to-tier-summary";

export interface PublicTier {
  id: string;
  name: string;
  description: string | null;
  priceMinor: number;
  currency: string;
  maxPerOrder: number;
  /**
   * What one ticket costs the buyer, all in, and its parts: that price × quantity is what an order pays
   * (plus the tax Stripe Tax adds at checkout when the event uses it).
   */
  price: {
    totalMinor: number;
    feeMinor: number;
    taxMinor: number;
    taxes: { name: string; amountMinor: number }[];
  };
  state: TierSaleState;
  remaining: number;
}

/** A published (or cancelled, to say so) event by slug with its public tiers and their availability. */
export async function getPublicEvent(slug: string, now = new Date()) {
  const event = await db.event.findFirst({
    where: { slug, status: { in: ["published", "cancelled"] }, organizer: { status: "active" } },
    select: {
      ...eventDetailsSelect,
      stripeTaxEnabled: true,
      organizer: { select: { name: true, logoUrl: true } },
      tiers: {
        where: { visibility: "public" },
        orderBy: { sortOrder: "asc" },
        select: TIER_SALE_SELECT,
      },
    },
  });
  if (!event) return null;

  const [availability, platformFee] = await Promise.all([
    getAvailability(db, event.id),
    getPlatformFee(event.currency),
  ]);
  const taxes = eventPricingTaxes(event);
  const taken = new Map(availability.tiers.map((t) => [t.tierId, t.sold + t.held]));
  const eventRemaining = availability.event.remaining;
  const tiers: PublicTier[] = event.tiers.map((tier) => {
    const { state, remaining } = tierSaleState(
      {
        capacity: tier.capacity,
        taken: taken.get(tier.id) ?? 0,
        salesStartAt: tier.salesStartAt,
        salesEndAt: tier.salesEndAt,
        eventRemaining,
      },
      now,
    );
    const [one] = priceOrder({
      currency: event.currency,
      lines: [{ tierId: tier.id, name: tier.name, unitPriceMinor: tier.priceMinor, quantity: 1 }],
      taxes,
      feeModel: event.feeModel,
      platformFee,
    }).lines;
    return {
      id: tier.id,
      price: {
        totalMinor: one?.unitTotalMinor ?? 0,
        feeMinor: one?.unitFeeMinor ?? 0,
        taxMinor: one?.unitTaxMinor ?? 0,
        taxes: (one?.taxes ?? []).map((t) => ({ name: t.name, amountMinor: t.amountMinor })),
      },
      name: tier.name,
      description: tier.description,
      priceMinor: tier.priceMinor,
      currency: tier.currency,
      maxPerOrder: tier.maxPerOrder,
      state: event.status === "cancelled" ? "sales_ended" : state,
      remaining,
    };
  });
  return { ...event, taxes, tiers };
}
