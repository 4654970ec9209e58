// A paid order counts toward the signals of its buyer's email domain and, when Stripe told us, its card's
// fingerprint. Called once per order, after the payment's transaction has committed.
import "server-only";
import { db } from "@/lib/db";
import { emailDomainKey } from "@/lib/fraud/fraud-rules";
import { recordFraudSignal } from "@/lib/fraud/record-fraud-signal";

export async function recordOrderSignals(orderId: string, cardFingerprint: string | null): Promise<void> {
  const order = await db.order
    .findUnique({ where: { id: orderId }, select: { organizerId: true, eventId: true, buyerEmail: true } })
    .catch(() => null);
  if (!order) return;
  const scope = { organizerId: order.organizerId, eventId: order.eventId };
  const domain = emailDomainKey(order.buyerEmail);
  if (domain) await recordFraudSignal({ ...scope, kind: "orders_email_domain", key: domain });
  if (cardFingerprint)
    await recordFraudSignal({ ...scope, kind: "orders_card_fingerprint", key: cardFingerprint });
}
