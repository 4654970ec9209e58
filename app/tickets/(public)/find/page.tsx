import type { Metadata } from "next";
import Link from "next/link";
import { FindTicketsForm } from "@/components/account/find-tickets-form";
import { ui } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Find my tickets" };

export default function FindTicketsPage() {
  return (
    <main className={ui.narrowPage}>
      <h1>Find my tickets</h1>
      <p className={ui.muted}>
        Lost your confirmation email? Enter the email address you bought with and we will email you a link to
        every order.
      </p>
      <FindTicketsForm />
      <p className={ui.hint}>
        Prefer to see them all in one place?{" "}
        <Link href="/tickets/login?callbackUrl=%2Ftickets%2Faccount">Sign in</Link> with the same email.
      </p>
    </main>
  );
}
