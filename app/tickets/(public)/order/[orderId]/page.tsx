import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventHeader } from "@/components/passes/event-header";
import { OrderPasses } from "@/components/passes/order-passes";
import { OrderSummaryCard } from "@/components/passes/order-summary-card";
import { getOrderForBuyer } from "@/lib/orders/get-order-for-buyer";
import { cx, ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Your tickets",
  robots: { index: false, follow: false },
  // The URL carries the buyer's token: never send it anywhere in a Referer header.
  referrer: "no-referrer",
};

type Props = {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function OrderPassesPage({ params, searchParams }: Props) {
  const [{ orderId }, query] = await Promise.all([params, searchParams]);
  const token = Array.isArray(query.token) ? query.token[0] : query.token;
  const data = token ? await getOrderForBuyer(orderId, token) : null;
  if (!data || !token) notFound();
  return (
    <main className={cx(ui.page, "max-w-3xl")}>
      <EventHeader event={data.summary.event} />
      <OrderPasses initial={data.summary} token={token} links={data.links} wallet={data.wallet} />
      <OrderSummaryCard summary={data.summary} />
      <p className={ui.hint}>
        Lost your tickets for another event? <Link href="/tickets/find">Find my tickets</Link>: we email you
        the link to every order bought with your email address.
      </p>
    </main>
  );
}
