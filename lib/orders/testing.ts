// Test fixtures for orders and passes: a published event with two tiers and GST + PST, and orders with
// lines, totals and tax lines, written straight to the database (the checkout is built separately). Orders
// get a real access token, returned so tests can open them. Organizers and members: lib/testing/factories.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type OrderStatus } from "@/lib/db";
import { createOrderAccessToken, orderAccessTokenFor } from "@/lib/orders/order-access-token";
import { createEvent, createTier, GST_PST_TAXES, uniqueSuffix } from "@/lib/testing/factories";

/** A published event with two tiers (General Admission $25, VIP Balcony $60) and GST + PST. */
export async function createPassesEvent(
  organizerId: string,
  overrides: { coverImageUrl?: string | null; title?: string } = {},
) {
  const event = await createEvent(organizerId, {
    slug: `night-owls-${uniqueSuffix()}`,
    title: overrides.title ?? "The Night Owls",
    summary: "Loud guitars, late trains.",
    venueAddress: "123 Granville St",
    region: "BC",
    // 8 pm on 27 Dec 2030 in Vancouver (PST, UTC-8).
    startsAt: new Date("2030-12-28T04:00:00Z"),
    endsAt: new Date("2030-12-28T07:30:00Z"),
    coverImageUrl: overrides.coverImageUrl ?? null,
    taxes: GST_PST_TAXES,
  });
  const general = await createTier(event.id);
  const vip = await createTier(event.id, {
    name: "VIP Balcony",
    priceMinor: 6000,
    capacity: 20,
    sortOrder: 1,
  });
  return { event, general, vip };
}

/**
 * An order for the given lines, with per-line fee (150 per seat) and 5% GST + 7% PST on price + fee. A
 * pending order also gets holds; `status: "paid"` marks it paid without issuing tickets.
 */
export async function createPassesOrder(
  event: { id: string; organizerId: string },
  lines: { tier: { id: string; name: string; priceMinor: number }; quantity: number }[],
  options: {
    status?: OrderStatus;
    buyerEmail?: string;
    buyerName?: string;
    expiresAt?: Date | null;
    /** "derived": the token the checkout uses (orderAccessTokenFor); default a random one. */
    token?: "random" | "derived";
  } = {},
) {
  const id = randomUUID();
  const { token, hash } = options.token === "derived" ? orderAccessTokenFor(id) : createOrderAccessToken();
  const priced = lines.map(({ tier, quantity }) => {
    const subtotal = tier.priceMinor * quantity;
    const fee = 150 * quantity;
    const gst = Math.round((subtotal + fee) * 0.05);
    const pst = Math.round((subtotal + fee) * 0.07);
    return { tier, quantity, subtotal, fee, gst, pst, total: subtotal + fee + gst + pst };
  });
  const sum = (pick: (line: (typeof priced)[number]) => number) => priced.reduce((a, l) => a + pick(l), 0);
  const status = options.status ?? "pending";
  const order = await db.order.create({
    data: {
      id,
      organizerId: event.organizerId,
      eventId: event.id,
      status,
      buyerEmail: options.buyerEmail ?? "ana@example.com",
      buyerName: options.buyerName ?? "Ana Lima",
      currency: "cad",
      subtotalMinor: sum((l) => l.subtotal),
      feeMinor: sum((l) => l.fee),
      taxMinor: sum((l) => l.gst + l.pst),
      totalMinor: sum((l) => l.total),
      taxLines: [
        { name: "GST", rateBps: 500, inclusive: false, amountMinor: sum((l) => l.gst) },
        { name: "PST", rateBps: 700, inclusive: false, amountMinor: sum((l) => l.pst) },
      ],
      accessTokenHash: hash,
      expiresAt: options.expiresAt === undefined ? new Date(Date.now() + 30 * 60_000) : options.expiresAt,
      paidAt: status === "paid" ? new Date() : null,
    },
  });
  for (const line of priced) {
    await db.orderItem.create({
      data: {
        orderId: order.id,
        tierId: line.tier.id,
        tierName: line.tier.name,
        quantity: line.quantity,
        unitPriceMinor: line.tier.priceMinor,
        feeMinor: line.fee,
        taxMinor: line.gst + line.pst,
        totalMinor: line.total,
        taxLines: [
          { name: "GST", rateBps: 500, inclusive: false, amountMinor: line.gst },
          { name: "PST", rateBps: 700, inclusive: false, amountMinor: line.pst },
        ],
      },
    });
    await db.hold.create({
      data: {
        eventId: event.id,
        tierId: line.tier.id,
        orderId: order.id,
        quantity: line.quantity,
        expiresAt: new Date(Date.now() + 30 * 60_000),
      },
    });
  }
  return { order, token };
}
