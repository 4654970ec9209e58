// One event's figures for its organizer: money per currency, tax per name, comps, check-in, units per tier
// and discount code usage, all from stored rows (lib/reports/report-sql.ts says which count).
import "server-only";
import { db } from "@/lib/db";
import { getAvailability } from "@/lib/inventory/get-availability";
import { findReportEvent, toReportEvent } from "@/lib/reports/find-report-event";
import { sumMoneyFigures } from "@/lib/reports/money-figures";
import { queryMoneySums, queryTaxSums, queryTicketSums } from "@/lib/reports/query-report-sums";
import { chargedOrder } from "@/lib/reports/report-sql";
import type { DiscountFigures, EventSummary } from "@/lib/reports/types";

export async function getEventSummary(organizerId: string, eventId: string): Promise<EventSummary> {
  const event = await findReportEvent(db, organizerId, eventId);
  const scope = { organizerId, eventId: event.id };
  const [money, taxes, tickets, availability, tiers, discounts] = await Promise.all([
    queryMoneySums(db, scope),
    queryTaxSums(db, scope),
    queryTicketSums(db, scope),
    getAvailability(db, event.id),
    db.tier.findMany({
      where: { eventId: event.id, event: { organizerId } },
      select: { id: true, name: true },
    }),
    db.$queryRaw<
      { id: string; code: string; currency: string | null; orders: number; discountMinor: number }[]
    >`
      SELECT d.id, d.code, o.currency, count(o.id)::int AS orders,
             coalesce(sum(o.discount_minor), 0)::float8 AS "discountMinor"
      FROM tickets_discounts d
      JOIN tickets_events e ON e.id = d.event_id AND e.organizer_id = ${organizerId}
      LEFT JOIN tickets_orders o ON o.discount_id = d.id AND o.organizer_id = ${organizerId} AND ${chargedOrder("o")}
      WHERE d.event_id = ${event.id}
      GROUP BY d.id, d.code, o.currency
      ORDER BY d.code, o.currency`,
  ]);
  const tierNames = new Map(tiers.map((t) => [t.id, t.name]));
  const byCode = new Map<string, DiscountFigures>();
  for (const row of discounts) {
    const figures = byCode.get(row.id) ?? { id: row.id, code: row.code, usage: [] };
    if (row.currency) {
      figures.usage.push({ currency: row.currency, orders: row.orders, discountMinor: row.discountMinor });
    }
    byCode.set(row.id, figures);
  }
  const ticketSums = tickets[0];
  return {
    event: toReportEvent(event),
    money: sumMoneyFigures(money),
    taxes,
    comps: ticketSums?.comps ?? { orders: 0, tickets: 0 },
    checkin: ticketSums?.checkin ?? { valid: 0, checkedIn: 0 },
    capacity: availability.event.capacity,
    remaining: availability.event.remaining,
    tiers: availability.tiers.map((t) => ({
      id: t.tierId,
      name: tierNames.get(t.tierId) ?? "",
      capacity: t.capacity,
      sold: t.sold,
      held: t.held,
      remaining: t.remaining,
    })),
    discounts: [...byCode.values()],
    asOf: new Date().toISOString(),
  };
}
