import { apiFetch } from "@/components/ui/api-client";
import type { MetricsInterval } from "@/lib/reports/metrics-range";
import type { EventMetrics, EventSummary, OrganizerDashboard } from "@/lib/reports/types";

/** How often the open dashboard asks again, so a sale shows up within seconds without a reload. */
export const REPORT_REFETCH_MS = 4_000;

export const dashboardQuery = {
  queryKey: ["reports", "dashboard"] as const,
  queryFn: () => apiFetch<OrganizerDashboard>("/api/tickets/dashboard"),
  refetchInterval: REPORT_REFETCH_MS,
};

export const eventSummaryQuery = (eventId: string) => ({
  queryKey: ["reports", "summary", eventId] as const,
  queryFn: () => apiFetch<EventSummary>(`/api/tickets/events/${encodeURIComponent(eventId)}/summary`),
  refetchInterval: REPORT_REFETCH_MS,
});

export const eventMetricsQuery = (eventId: string, interval: MetricsInterval) => ({
  queryKey: ["reports", "metrics", eventId, interval] as const,
  queryFn: () =>
    apiFetch<EventMetrics>(`/api/tickets/events/${encodeURIComponent(eventId)}/metrics?interval=${interval}`),
  refetchInterval: REPORT_REFETCH_MS,
});
