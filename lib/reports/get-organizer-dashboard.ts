// The organizer's figures over every event (per currency) and one row per event, newest event first. The
// totals are the sums of the rows, so the two always agree.
import "server-only";
import { db } from "@/lib/db";
import { reportEventSelect, toReportEvent } from "@/lib/reports/find-report-event";
import { sumMoneyFigures } from "@/lib/reports/money-figures";
import { queryMoneySums, queryTaxSums, queryTicketSums } from "@/lib/reports/query-report-sums";
import type { OrganizerDashboard } from "@/lib/reports/types";

export async function getOrganizerDashboard(organizerId: string): Promise<OrganizerDashboard> {
  const scope = { organizerId };
  const [events, money, taxes, tickets] = await Promise.all([
    db.event.findMany({
      where: { organizerId },
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      select: reportEventSelect,
    }),
    queryMoneySums(db, scope),
    queryTaxSums(db, scope),
    queryTicketSums(db, scope),
  ]);
  const ticketsByEvent = new Map(tickets.map((t) => [t.eventId, t]));
  const rows = events.map((event) => {
    const sums = ticketsByEvent.get(event.id);
    return {
      event: toReportEvent(event),
      money: sumMoneyFigures(money.filter((m) => m.eventId === event.id)),
      comps: sums?.comps ?? { orders: 0, tickets: 0 },
      checkin: sums?.checkin ?? { valid: 0, checkedIn: 0 },
    };
  });
  return {
    totals: sumMoneyFigures(money),
    taxes,
    comps: {
      orders: rows.reduce((sum, r) => sum + r.comps.orders, 0),
      tickets: rows.reduce((sum, r) => sum + r.comps.tickets, 0),
    },
    checkin: {
      valid: rows.reduce((sum, r) => sum + r.checkin.valid, 0),
      checkedIn: rows.reduce((sum, r) => sum + r.checkin.checkedIn, 0),
    },
    events: rows,
    asOf: new Date().toISOString(),
  };
}
