import Link from "next/link";
import { buttonClass, ui } from "@/components/ui/styles";

export default function EventNotFound() {
  return (
    <main className={ui.narrowPage}>
      <h1>We can’t find this event</h1>
      <p>
        The link may have a typo, or the organizer may have taken the event off sale. Tickets you already
        bought are safe: open them from your confirmation email.
      </p>
      <p>
        <Link className={buttonClass()} href="/tickets/events">
          Browse upcoming events
        </Link>
      </p>
    </main>
  );
}
