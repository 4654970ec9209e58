import "server-only";
import { db } from "@/lib/db";
import { eventDetailsSelect } from "@/lib/events/event-display";
import { unitPrice, type UnitPrice } from "@/lib/events/unit-price";
import { getAvailability } from "@/lib/inventory/get-availability";
import { tierSaleState, type TierSaleState } from "@/lib/inventory/tier-sale-state";
import { eventPricingTaxes } from "@/lib/money/schemas";
import { slugSchema } from "@/lib/organizers/organizer-rules";
import { getPlatformFee } from "@/lib/platform/get-platform-fee";
import { TIER_SALE_SELECT } from "@/lib/tiers/to-tier-summary";

export interface PublicTier {
  id: string;
  name: string;
  description: string | null;
  priceMinor: number;
  currency: string;
  maxPerOrder: number;
  salesStartAt: Date | null;
  /**
   * What one ticket costs the buyer, all in, and its parts: that price × quantity is what an order pays
   * (plus the tax Stripe Tax adds at checkout when the event uses it).
   */
  price: UnitPrice;
  state: TierSaleState;
  remaining: number;
  /** `in_carts` tiers: minutes until the first held seat can come back (whole minutes, rounded up). */
  seatsBackInMinutes: number | null;
}

/**
 * A published (or cancelled, to say so) event by slug with its public tiers and their availability.
 * `salesPaused`: a platform admin suspended its organizer; the page stays up and says tickets are unavailable.
 */
export async function getPublicEvent(slug: string, now = new Date()) {
  // A slug that no event could have (NUL, too long, other characters) is simply not found.
  if (!slugSchema.safeParse(slug).success) return null;
  const event = await db.event.findFirst({
    where: { slug, status: { in: ["published", "cancelled"] }, organizer: { selfTest: false } },
    select: {
      ...eventDetailsSelect,
      stripeTaxEnabled: true,
      publishedAt: true,
      organizer: { select: { name: true, slug: true, logoUrl: true, status: true } },
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
  const byTier = new Map(availability.tiers.map((t) => [t.tierId, t]));
  const eventRemaining = availability.event.remaining;
  const firstLapseInEvent = minOf(availability.tiers.map((t) => t.nextHoldLapseMs));
  const tiers: PublicTier[] = event.tiers.map((tier) => {
    const inventory = byTier.get(tier.id);
    const { state, remaining } = tierSaleState(
      {
        capacity: tier.capacity,
        taken: (inventory?.sold ?? 0) + (inventory?.held ?? 0),
        held: inventory?.held ?? 0,
        eventHeld: availability.event.held,
        salesStartAt: tier.salesStartAt,
        salesEndAt: tier.salesEndAt,
        eventRemaining,
      },
      now,
    );
    return {
      id: tier.id,
      price: unitPrice({ currency: event.currency, tier, taxes, feeModel: event.feeModel, platformFee }),
      name: tier.name,
      description: tier.description,
      priceMinor: tier.priceMinor,
      currency: tier.currency,
      maxPerOrder: tier.maxPerOrder,
      salesStartAt: tier.salesStartAt,
      state: event.status === "cancelled" ? "sales_ended" : state,
      remaining,
      seatsBackInMinutes:
        state !== "in_carts"
          ? null
          : minutesUntil(
              // The tier's own holds fill it, or it has room and the event cap is what holds elsewhere fill.
              tier.capacity - (inventory?.sold ?? 0) - (inventory?.held ?? 0) <= 0
                ? (inventory?.nextHoldLapseMs ?? null)
                : firstLapseInEvent,
            ),
    };
  });
  return { ...event, taxes, tiers, salesPaused: event.organizer.status !== "active" };
}

function minOf(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length > 0 ? Math.min(...present) : null;
}

function minutesUntil(ms: number | null): number | null {
  return ms === null ? null : Math.max(1, Math.ceil(ms / 60_000));
}
