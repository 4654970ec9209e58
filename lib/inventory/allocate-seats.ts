// The decision of the locked check, as a pure function: given what is free (read under the inventory locks,
// with the asking orders left out), which orders get their seats. Orders are served one after another in
// the order given, each against what the previous ones left, so a batch decides exactly as the same orders
// would one by one: an order that does not fit is refused with the reason, and later, smaller orders may
// still fit.

export interface InventoryLine {
  tierId: string;
  quantity: number;
}

export interface Availability {
  /** The event's tiers that were asked for and exist; a tier missing here is unknown. Null: no such event. */
  tiers: { tierId: string; name: string; remaining: number }[];
  event: { capacity: number | null; remaining: number | null } | null;
  /** Whether the event key is held exclusively; a capped event locked shared cannot decide (busy). */
  eventExclusive: boolean;
  /** The codes asked for that exist on this event: uses counted so far. */
  discounts: { discountId: string; maxUses: number | null; uses: number }[];
}

export interface SeatAsk {
  /** One line per tier (see mergeLines). */
  lines: readonly InventoryLine[];
  discountId: string | null;
}

export type Refusal =
  | { kind: "event_not_found" }
  | { kind: "tier_not_found" }
  | { kind: "discount_not_found" }
  | { kind: "busy" }
  | { kind: "sold_out"; message: string; tierId: string | null; remaining: number }
  | { kind: "discount_exhausted" };

/** One verdict per ask, in the same order: null when the seats are granted. */
export function allocateSeats(availability: Availability, asks: readonly SeatAsk[]): (Refusal | null)[] {
  const tiers = new Map(availability.tiers.map((t) => [t.tierId, { ...t }]));
  const discounts = new Map(availability.discounts.map((d) => [d.discountId, { ...d }]));
  const event = availability.event ? { ...availability.event } : null;
  return asks.map((ask) => {
    if (!event) return { kind: "event_not_found" };
    const asked = ask.lines.map((line) => ({ line, tier: tiers.get(line.tierId) }));
    if (asked.length === 0 || asked.some((a) => !a.tier)) return { kind: "tier_not_found" };
    const discount = ask.discountId === null ? null : discounts.get(ask.discountId);
    if (discount === undefined) return { kind: "discount_not_found" };
    for (const { line, tier } of asked) {
      const remaining = Math.max(0, tier?.remaining ?? 0);
      if (remaining < line.quantity) {
        return {
          kind: "sold_out",
          message: soldOutMessage(tier?.name ?? "", remaining),
          tierId: line.tierId,
          remaining,
        };
      }
    }
    const total = ask.lines.reduce((sum, l) => sum + l.quantity, 0);
    if (event.capacity !== null && !availability.eventExclusive) return { kind: "busy" };
    if (event.remaining !== null && event.remaining < total) {
      const remaining = Math.max(0, event.remaining);
      const only = asked.length === 1 ? asked[0] : undefined;
      const message = only
        ? soldOutMessage(only.tier?.name ?? "", remaining)
        : remaining <= 0
          ? "This event is sold out"
          : `Only ${remaining} tickets left for this event`;
      return { kind: "sold_out", message, tierId: only?.line.tierId ?? null, remaining };
    }
    if (discount && discount.maxUses !== null && discount.uses >= discount.maxUses) {
      return { kind: "discount_exhausted" };
    }
    for (const { line, tier } of asked) if (tier) tier.remaining -= line.quantity;
    if (event.remaining !== null) event.remaining -= total;
    if (discount) discount.uses += 1;
    return null;
  });
}

function soldOutMessage(name: string, remaining: number): string {
  return remaining <= 0 ? `${name} is sold out` : `Only ${remaining} ${name} left`;
}
