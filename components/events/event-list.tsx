import Link from "next/link";
import { EventStatusBadge } from "@/components/events/event-status-badge";
import { formatInZone } from "@/lib/events/zoned-time";
import type { OrganizerEventSummary } from "@/lib/events/list-organizer-events";
import { TableFrame } from "@/components/ui/table-frame";
import { cx, ui } from "@/components/ui/styles";

/** The organizer's events: title, start in the event's own time zone, status, tickets sold / capacity. */
export function EventList({ events }: { events: OrganizerEventSummary[] }) {
  if (events.length === 0) {
    return (
      <p className={cx(ui.card, ui.muted)}>
        No events yet. Create one, add ticket tiers, then publish it when you are ready to sell.
      </p>
    );
  }
  return (
    <TableFrame label="Events">
      <table className={ui.table} aria-label="Events">
        <thead>
          <tr>
            <th>Event</th>
            <th>Date</th>
            <th>Status</th>
            <th>Tickets sold</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <Link href={`/tickets/organizer/events/${event.id}`}>{event.title}</Link>
                <div className={ui.hint}>
                  {event.venueName}, {event.city}
                </div>
              </td>
              <td className={ui.small}>{formatInZone(event.startsAt, event.timezone)}</td>
              <td>
                <EventStatusBadge status={event.status} />
              </td>
              <td>
                {event.ticketsSold} / {event.capacity ?? "—"}
                {event.tierCount === 0 ? <div className={ui.hint}>No tiers yet</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
