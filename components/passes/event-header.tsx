import type { OrderSummaryEvent } from "@/lib/orders/order-summary";
import { passStyles as styles } from "@/components/passes/pass-styles";
import { ui } from "@/components/ui/styles";

/** The event at the top of the passes page: picture, title, time in the event's zone, venue. */
export function EventHeader({ event }: { event: OrderSummaryEvent }) {
  const place = [event.venueAddress, event.city, event.region].filter(Boolean).join(", ");
  return (
    <header className={ui.stack}>
      {event.coverImageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={event.coverImageUrl} alt="" className={styles.cover} />
      ) : null}
      <div>
        <p className={ui.hint}>{event.organizerName} presents</p>
        <h1 style={{ marginBottom: "0.25em" }}>{event.title}</h1>
        <p>
          <strong>{event.startsAtLocal}</strong>
          <br />
          <span className={ui.hint}>
            Ends {event.endsAtLocal} · times in {event.timezone}
          </span>
        </p>
        <p style={{ margin: "0.5em 0 0" }}>
          {event.venueName}
          {place ? <span className={ui.muted}>, {place}</span> : null}
        </p>
      </div>
    </header>
  );
}
