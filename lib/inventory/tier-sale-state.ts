export type TierSaleState = "on_sale" | "few_left" | "sold_out" | "not_yet_on_sale" | "sales_ended";

export interface TierSaleInput {
  capacity: number;
  /** Seats taken: valid tickets plus unexpired holds. */
  taken: number;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  /** Seats left under the event-wide cap, when there is one. */
  eventRemaining?: number | null;
}

/** What a buyer sees on a tier: remaining seats and its state at `now`. */
export function tierSaleState(input: TierSaleInput, now: Date): { state: TierSaleState; remaining: number } {
  const tierRemaining = Math.max(0, input.capacity - input.taken);
  const remaining =
    input.eventRemaining === undefined || input.eventRemaining === null
      ? tierRemaining
      : Math.max(0, Math.min(tierRemaining, input.eventRemaining));
  if (input.salesEndAt && now >= input.salesEndAt) return { state: "sales_ended", remaining };
  if (input.salesStartAt && now < input.salesStartAt) return { state: "not_yet_on_sale", remaining };
  if (remaining === 0) return { state: "sold_out", remaining };
  if (remaining <= Math.max(5, Math.ceil(input.capacity * 0.1))) return { state: "few_left", remaining };
  return { state: "on_sale", remaining };
}
