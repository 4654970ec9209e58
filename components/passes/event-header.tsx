import type { OrderSummaryEvent } from "@/lib/orders/order-summary";
import styles from "@/components/passes/passes.module.css";

/** The event at the top of the passes page: picture, title, time in the event's zone, venue. */
export function EventHeader({ event }: { event: OrderSummaryEvent }) {
  const place = [event.venueAddress, event.city, event.region].filter(Boolean).join(", ");
  return (
    <header className="stack">
      {event.coverImageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={event.coverImageUrl} alt="" className={styles.cover} />
      ) : null}
      <div>
        <p className="small muted" style={{ margin: 0 }}>
          {event.organizerName} presents
        </p>
        <h1 style={{ marginBottom: "0.25em" }}>{event.title}</h1>
        <p style={{ margin: 0 }}>
          <strong>{event.startsAtLocal}</strong>
          <br />
          <span className="small muted">
            Ends {event.endsAtLocal} · times in {event.timezone}
          </span>
        </p>
        <p style={{ margin: "0.5em 0 0" }}>
          {event.venueName}
          {place ? <span className="muted">, {place}</span> : null}
        </p>
      </div>
    </header>
  );
}
