// A checkout refused (bad cart, sold out, unknown event or tier, wrong discount code) counts toward the
// failed-checkout signals of the caller's IP and the buyer's email, and a refused discount code toward
// discount-code guessing. Outages (busy), rate limits and turned-off sales are not the buyer's doing and
// count for nothing. Runs after the refusal is decided, outside any transaction.
import "server-only";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { recordFraudSignal } from "@/lib/fraud/record-fraud-signal";

const BUYER_FAILURES = new Set(["validation", "sold_out", "conflict", "not_found"]);

function stringField(value: unknown, ...path: string[]): string | null {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "string" && current.length > 0 ? current : null;
}

export async function recordCheckoutFailure(input: {
  ip: string | null;
  body: unknown;
  error: unknown;
}): Promise<void> {
  const { error, body, ip } = input;
  if (!isAppError(error) || !BUYER_FAILURES.has(error.code)) return;
  const eventId = stringField(body, "eventId");
  if (!eventId || eventId.length > 64) return;
  const event = await db.event
    .findUnique({ where: { id: eventId }, select: { id: true, organizerId: true } })
    .catch(() => null);
  if (!event) return;
  const scope = { organizerId: event.organizerId, eventId: event.id };
  if (ip !== null) await recordFraudSignal({ ...scope, kind: "failed_checkout_ip", key: ip });
  const email = stringField(body, "buyer", "email")?.trim().toLowerCase();
  if (email && email.length <= 254)
    await recordFraudSignal({ ...scope, kind: "failed_checkout_email", key: email });
  if (ip !== null && error.fields.some((f) => f.field === "discountCode")) {
    await recordFraudSignal({ ...scope, kind: "discount_code_guessing", key: ip });
  }
}

/** A code refused by the event page's "Apply" (GET /api/tickets/checkout/quote) counts as a guess too. */
export async function recordQuoteFailure(input: {
  ip: string | null;
  eventId: string;
  error: unknown;
}): Promise<void> {
  const { error, eventId, ip } = input;
  if (ip === null || !isAppError(error) || !error.fields.some((f) => f.field === "discountCode")) return;
  const event = await db.event
    .findUnique({ where: { id: eventId }, select: { id: true, organizerId: true } })
    .catch(() => null);
  if (!event) return;
  await recordFraudSignal({
    organizerId: event.organizerId,
    eventId: event.id,
    kind: "discount_code_guessing",
    key: ip,
  });
}
