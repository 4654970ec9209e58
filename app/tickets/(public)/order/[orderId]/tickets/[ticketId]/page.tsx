import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventHeader } from "@/components/passes/event-header";
import { SingleTicketPass } from "@/components/passes/single-ticket-pass";
import { getTicketPass } from "@/lib/tickets/get-ticket-pass";
import { cx, ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Your ticket",
  robots: { index: false, follow: false },
  // The URL carries the holder's token: never send it anywhere in a Referer header.
  referrer: "no-referrer",
};

type Props = {
  params: Promise<{ orderId: string; ticketId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * One ticket: what a transfer's recipient opens from their email (their link opens this ticket only), and
 * what the order's link opens for any ticket the order holds.
 */
export default async function TicketPassPage({ params, searchParams }: Props) {
  const [{ orderId, ticketId }, query] = await Promise.all([params, searchParams]);
  const token = Array.isArray(query.token) ? query.token[0] : query.token;
  const pass = token ? await getTicketPass(orderId, ticketId, token) : null;
  if (!pass || !token) notFound();
  return (
    <main className={cx(ui.page, "max-w-3xl")}>
      <EventHeader event={pass.event} />
      <SingleTicketPass pass={pass} token={token} />
      <p className={ui.hint}>
        Lost your link? <Link href="/tickets/find">Find my tickets</Link> emails the links of the orders you
        bought yourself; for a ticket sent to you, ask the person who sent it.
      </p>
    </main>
  );
}
