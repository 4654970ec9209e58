export type TierSaleState =
  "on_sale" | "few_left" | "in_carts" | "sold_out" | "not_yet_on_sale" | "sales_ended";

export interface TierSaleInput {
  capacity: number;
  /** Seats taken: valid tickets plus unexpired holds. */
  taken: number;
  /** Of `taken`, the seats in unexpired holds (buyers still paying). */
  held?: number;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  /** Seats left under the event-wide cap, when there is one. */
  eventRemaining?: number | null;
  /** Seats held across the whole event (they count against the event-wide cap). */
  eventHeld?: number;
}

/**
 * What a buyer sees on a tier: remaining seats and its state at `now`. A tier with nothing left while some
 * seats are only in other buyers' carts is `in_carts`, not `sold_out`: those seats come back if the holds run
 * out.
 */
export function tierSaleState(input: TierSaleInput, now: Date): { state: TierSaleState; remaining: number } {
  const remaining = left(input.capacity - input.taken, input.eventRemaining);
  if (input.salesEndAt && now >= input.salesEndAt) return { state: "sales_ended", remaining };
  if (input.salesStartAt && now < input.salesStartAt) return { state: "not_yet_on_sale", remaining };
  if (remaining === 0) {
    const ifHoldsLapse = left(
      input.capacity - input.taken + (input.held ?? 0),
      input.eventRemaining === undefined || input.eventRemaining === null
        ? input.eventRemaining
        : input.eventRemaining + (input.eventHeld ?? 0),
    );
    return { state: ifHoldsLapse > 0 ? "in_carts" : "sold_out", remaining };
  }
  if (remaining <= Math.max(5, Math.ceil(input.capacity * 0.1))) return { state: "few_left", remaining };
  return { state: "on_sale", remaining };
}

function left(tierRoom: number, eventRemaining: number | null | undefined): number {
  const tier = Math.max(0, tierRoom);
  return eventRemaining === undefined || eventRemaining === null
    ? tier
    : Math.max(0, Math.min(tier, eventRemaining));
}
