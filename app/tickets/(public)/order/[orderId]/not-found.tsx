import Link from "next/link";
import { buttonClass, ui } from "@/components/ui/styles";

export default function OrderNotFound() {
  return (
    <main className={ui.narrowPage}>
      <h1>We can’t find these tickets</h1>
      <p>
        This link does not open an order. Open the full link from your confirmation email: it ends with a long
        code after <code>?token=</code>, and a newer email replaces the link of an earlier one.
      </p>
      <p>Lost your tickets? We can email you a fresh link to every order bought with your email address.</p>
      <p>
        <Link className={buttonClass()} href="/tickets/find">
          Find my tickets
        </Link>
      </p>
      <p className={ui.hint}>
        Still stuck? Contact the event’s organizer with the email address you used to buy.
      </p>
      <p>
        <Link href="/tickets/events">Browse events</Link>
      </p>
    </main>
  );
}
