import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { HoldCountdown } from "@/components/checkout/hold-countdown";
import { TestPaymentForm } from "@/components/checkout/test-payment-form";
import { getTestModePayment } from "@/lib/checkout/test-mode-payment";
import { isAppError } from "@/lib/errors";
import { orderPassesUrl } from "@/lib/orders/order-access-token";
import { isSettledOrder } from "@/lib/refunds/find-order-for-payment";
import { formatMoney } from "@/lib/money/format-money";
import { taxLinesSchema } from "@/lib/money/schemas";
import { z } from "zod";
import { alertClass, ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Test-mode payment", robots: { index: false } };

type Props = { params: Promise<{ orderId: string }>; searchParams: Promise<{ token?: string | string[] }> };

const chargedTaxes = z.array(taxLinesSchema.element.extend({ amountMinor: z.number().int() })).catch([]);

export default async function TestPaymentPage({ params, searchParams }: Props) {
  const { orderId } = await params;
  const raw = (await searchParams).token;
  const token = Array.isArray(raw) ? raw[0] : raw;
  const order = await getTestModePayment(orderId, token).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  // Back from the passes after paying: the tickets, not "nothing to pay".
  if (isSettledOrder(order) && token) redirect(orderPassesUrl(order.id, token));
  const money = (minor: number) => formatMoney(minor, order.currency);
  return (
    <main className={ui.narrowPage}>
      <p className={alertClass()} role="note">
        <strong>Stripe test mode.</strong> No real payment is taken: this page stands in for Stripe Checkout
        and sends the same signed events to the webhook.
      </p>
      <h1>Pay {order.organizer.name}</h1>
      <p className={ui.muted}>{order.event.title}</p>
      {order.status === "pending" && order.expiresAt ? (
        <HoldCountdown expiresAt={order.expiresAt.toISOString()} />
      ) : null}
      <table className={ui.table} aria-label="Order summary">
        <tbody>
          {order.items.map((item) => (
            <tr key={item.id}>
              <td>
                {item.quantity} × {item.tierName}
              </td>
              <td className="text-right">{money(item.unitPriceMinor * item.quantity)}</td>
            </tr>
          ))}
          {order.discountMinor > 0 ? (
            <tr>
              <td>Discount</td>
              <td className="text-right">−{money(order.discountMinor)}</td>
            </tr>
          ) : null}
          {order.feeMinor > 0 ? (
            <tr>
              <td>Service fee</td>
              <td className="text-right">{money(order.feeMinor)}</td>
            </tr>
          ) : null}
          {chargedTaxes.parse(order.taxLines).map((tax) => (
            <tr key={tax.name}>
              <td>
                {tax.name}
                {tax.inclusive ? " (included)" : ""}
              </td>
              <td className="text-right">{money(tax.amountMinor)}</td>
            </tr>
          ))}
          <tr>
            <th>Total</th>
            <th className="text-right" data-testid="payment-total">
              {money(order.totalMinor)}
            </th>
          </tr>
        </tbody>
      </table>
      {order.status === "pending" ? (
        <TestPaymentForm orderId={order.id} token={token ?? ""} totalLabel={money(order.totalMinor)} />
      ) : (
        <p className={alertClass()}>This order is {order.status.replace("_", " ")}: nothing to pay.</p>
      )}
    </main>
  );
}
