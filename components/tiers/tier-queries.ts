// The tier list as the browser receives it (JSON: dates are ISO strings), shared by the tier and discount
// managers so both read one cached copy.
import { apiFetch } from "@/components/ui/api-client";
import type { TierSummary } from "@/lib/tiers/tier-rules";

/** TierSummary as JSON: its dates are ISO strings. */
export type TierJson = Omit<TierSummary, "salesStartAt" | "salesEndAt"> & {
  salesStartAt: string | null;
  salesEndAt: string | null;
};

export interface EventInfoJson {
  id: string;
  currency: string;
  timezone: string;
  status: "draft" | "published" | "cancelled" | "archived";
}

export interface TierListJson {
  event: EventInfoJson;
  tiers: TierJson[];
}

export const tiersQueryKey = (eventId: string) => ["events", eventId, "tiers"] as const;

export function fetchTiers(eventId: string): Promise<TierListJson> {
  return apiFetch<TierListJson>(`/api/tickets/events/${encodeURIComponent(eventId)}/tiers`);
}

export function isFrozen(event: EventInfoJson | undefined): boolean {
  return event?.status === "cancelled" || event?.status === "archived";
}
