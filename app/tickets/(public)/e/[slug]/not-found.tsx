import Link from "next/link";

export default function EventNotFound() {
  return (
    <main className="container narrow stack">
      <h1>We can’t find this event</h1>
      <p>
        The link may have a typo, or the organizer may have taken the event off sale. Tickets you already
        bought are safe: open them from your confirmation email.
      </p>
      <p>
        <Link className="btn" href="/tickets/events">
          Browse upcoming events
        </Link>
      </p>
    </main>
  );
}
