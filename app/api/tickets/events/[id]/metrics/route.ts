import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { readQuery } from "@/lib/http/route";
import { cachedReport } from "@/lib/reports/cached-report";
import { getEventMetrics } from "@/lib/reports/get-event-metrics";
import { metricsQuerySchema } from "@/lib/reports/metrics-range";

/**
 * GET ?from&to&interval=hour|day (owners, managers) → the event's time series (sold, revenue, fees, tax,
 * refunds) per currency, in buckets of the event's zone. from/to: a day (YYYY-MM-DD, in the event's zone;
 * `to` takes in the whole day) or an ISO 8601 time with a zone; default the first sale to now or the
 * event's end. 422 naming the field for an unknown interval, a bad date, from after to, or more than
 * 31 days of hours; 404 for another organizer's event. Answers may be up to REPORT_CACHE_MS old.
 */
export const GET = withOrganizer<{ id: string }>(ROLES.manage, async (request, { organizer, params }) => {
  const query = readQuery(request, metricsQuerySchema);
  const question = `metrics\u0000${params.id}\u0000${JSON.stringify(query)}`;
  return cachedReport(organizer.id, question, () => getEventMetrics(organizer.id, params.id, query));
});
