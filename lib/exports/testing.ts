// Bulk fixtures for exports and reports: one event with many orders written by SQL generate_series (100,000
// orders in seconds), for the flat-memory test and bench/reports. Deterministic in the order number g:
//   tiers     60% General ($25), 30% Balcony ($45), 10% VIP ($90); one ticket, or two for every 4th order;
//   discounts every 10th order uses the event's 10% code;
//   refunds   every 20th order (5%) is refunded in full: tickets refunded, a succeeded Refund row;
//   check-in  2 of every 5 tickets of the other orders admitted (≈ 40% of the sold tickets), by one device,
//             1 in 50 of them synced 10 minutes late (offline);
//   money     fee 1.50 a ticket, GST 5% + PST 7% on price − discount + fee, stored on order and line;
//   times     created one every `spacingSeconds` up to now (100,000 × 25 s ≈ 29 days), paid a minute later.
// Tickets carry placeholder codes (not signed): scanners are not what these rows are for.
import "server-only";
import { db } from "@/lib/db";

export interface BulkExportEvent {
  tierIds: string[];
  discountId: string;
  deviceId: string;
  orders: number;
  tickets: number;
  refundedOrders: number;
  admitted: number;
}

export async function seedBulkOrders(
  event: { id: string; organizerId: string; startsAt: Date; currency: string },
  options: { orders: number; spacingSeconds?: number },
): Promise<BulkExportEvent> {
  const spacing = options.spacingSeconds ?? 25;
  // Addresses buyer0…buyerK for K = 80% of the orders: the last fifth of the orders are repeat buyers.
  const distinctEmails = Math.max(1, Math.ceil(options.orders * 0.8));
  const tiers = await Promise.all(
    [
      { name: "General", priceMinor: 2500, sortOrder: 0 },
      { name: "Balcony", priceMinor: 4500, sortOrder: 1 },
      { name: "VIP", priceMinor: 9000, sortOrder: 2 },
    ].map((tier) =>
      db.tier.create({
        data: { ...tier, eventId: event.id, currency: event.currency, capacity: options.orders * 2 },
        select: { id: true },
      }),
    ),
  );
  const tierIds = tiers.map((t) => t.id);
  const discount = await db.discount.create({
    data: { eventId: event.id, code: "BULK10", kind: "percent", percentBps: 1000 },
    select: { id: true },
  });
  const device = await db.scannerDevice.create({
    data: { organizerId: event.organizerId, eventId: event.id, name: "Bulk door" },
    select: { id: true },
  });
  const start = new Date(Date.now() - options.orders * spacing * 1000);

  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        CREATE TEMP TABLE bulk_orders ON COMMIT DROP AS
        SELECT s.*, (s.subtotal - s.discount + s.fee) AS taxable,
               round((s.subtotal - s.discount + s.fee) * 0.05)::int AS gst,
               round((s.subtotal - s.discount + s.fee) * 0.07)::int AS pst
        FROM (
          SELECT g, 'c' || substr(md5(${event.id} || ':' || g), 1, 24) AS id,
                 t.id AS tier_id, t.name AS tier_name, t.price_minor AS price, q.qty,
                 t.price_minor * q.qty AS subtotal,
                 CASE WHEN g % 10 = 3 THEN (t.price_minor * q.qty) / 10 ELSE 0 END AS discount,
                 150 * q.qty AS fee,
                 g % 20 = 7 AS refunded,
                 ${start}::timestamptz + g * ${spacing} * interval '1 second' AS created_at
          FROM generate_series(1, ${options.orders}) g
          CROSS JOIN LATERAL (SELECT 1 + (g % 4 = 0)::int AS qty) q
          JOIN tickets_tiers t
            ON t.id = (${tierIds}::text[])[CASE WHEN g % 10 < 6 THEN 1 WHEN g % 10 < 9 THEN 2 ELSE 3 END]
        ) s`;
      await tx.$executeRaw`
        INSERT INTO tickets_orders
          (id, organizer_id, event_id, status, buyer_email, buyer_name, currency, subtotal_minor, discount_minor,
           fee_minor, tax_minor, total_minor, application_fee_minor, refunded_minor, tax_lines, discount_id,
           access_token_hash, channel, paid_at, created_at, updated_at)
        SELECT b.id, ${event.organizerId}, ${event.id},
               (CASE WHEN b.refunded THEN 'refunded' ELSE 'paid' END)::tickets_order_status,
               'buyer' || (b.g % ${distinctEmails}) || '@example.test', 'Buyer ' || b.g, ${event.currency},
               b.subtotal, b.discount, b.fee, b.gst + b.pst, b.taxable + b.gst + b.pst, 100 * b.qty,
               CASE WHEN b.refunded THEN b.taxable + b.gst + b.pst ELSE 0 END,
               jsonb_build_array(
                 jsonb_build_object('name', 'GST', 'rateBps', 500, 'inclusive', false, 'amountMinor', b.gst),
                 jsonb_build_object('name', 'PST', 'rateBps', 700, 'inclusive', false, 'amountMinor', b.pst)),
               CASE WHEN b.discount > 0 THEN ${discount.id} END,
               md5('bulk-token:' || b.id), 'online'::tickets_order_channel,
               b.created_at + interval '1 minute', b.created_at, b.created_at
        FROM bulk_orders b`;
      await tx.$executeRaw`
        INSERT INTO tickets_order_items
          (id, order_id, tier_id, tier_name, quantity, unit_price_minor, discount_minor, fee_minor, tax_minor,
           total_minor, application_fee_minor, tax_lines, created_at)
        SELECT 'c' || substr(md5('item:' || b.id), 1, 24), b.id, b.tier_id, b.tier_name, b.qty, b.price,
               b.discount, b.fee, b.gst + b.pst, b.taxable + b.gst + b.pst, 100 * b.qty,
               jsonb_build_array(
                 jsonb_build_object('name', 'GST', 'rateBps', 500, 'inclusive', false, 'amountMinor', b.gst),
                 jsonb_build_object('name', 'PST', 'rateBps', 700, 'inclusive', false, 'amountMinor', b.pst)),
               b.created_at
        FROM bulk_orders b`;
      await tx.$executeRaw`
        INSERT INTO tickets_tickets
          (id, organizer_id, event_id, tier_id, order_id, order_item_id, secret, secret_hash, key_id,
           holder_name, holder_email, status, created_at, updated_at)
        SELECT 'c' || substr(md5('ticket:' || b.id || ':' || n), 1, 24), ${event.organizerId}, ${event.id},
               b.tier_id, b.id, 'c' || substr(md5('item:' || b.id), 1, 24),
               'bulk:' || b.id || ':' || n, md5('bulk-secret:' || b.id || ':' || n), 1,
               'Buyer ' || b.g, 'buyer' || (b.g % ${distinctEmails}) || '@example.test',
               (CASE WHEN b.refunded THEN 'refunded' ELSE 'valid' END)::tickets_ticket_status,
               b.created_at + interval '1 minute', b.created_at + interval '1 minute'
        FROM bulk_orders b CROSS JOIN LATERAL generate_series(1, b.qty) n`;
      await tx.$executeRaw`
        INSERT INTO tickets_refunds
          (id, organizer_id, order_id, amount_minor, status, ticket_ids, application_fee_minor, created_at,
           updated_at)
        SELECT 'c' || substr(md5('refund:' || b.id), 1, 24), ${event.organizerId}, b.id,
               b.taxable + b.gst + b.pst, 'succeeded',
               ARRAY(SELECT 'c' || substr(md5('ticket:' || b.id || ':' || n), 1, 24)
                     FROM generate_series(1, b.qty) n),
               100 * b.qty, b.created_at + interval '2 days', b.created_at + interval '2 days'
        FROM bulk_orders b WHERE b.refunded`;
      await tx.$executeRaw`
        INSERT INTO tickets_checkins (id, event_id, ticket_id, device_id, nonce, result, scanned_at, received_at)
        SELECT 'c' || substr(md5('checkin:' || b.id || ':' || n), 1, 24), ${event.id},
               'c' || substr(md5('ticket:' || b.id || ':' || n), 1, 24), ${device.id}, b.id || ':' || n,
               'admitted', ${event.startsAt}::timestamptz + (b.g % 3600) * interval '1 second',
               ${event.startsAt}::timestamptz + (b.g % 3600) * interval '1 second'
                 + CASE WHEN b.g % 50 = 1 THEN interval '10 minutes' ELSE interval '1 second' END
        FROM bulk_orders b CROSS JOIN LATERAL generate_series(1, b.qty) n
        WHERE NOT b.refunded AND (b.g + n) % 5 < 2`;
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
  await db.$executeRaw`ANALYZE tickets_orders, tickets_order_items, tickets_tickets, tickets_checkins`;

  const [orders, tickets, refundedOrders, admitted] = await Promise.all([
    db.order.count({ where: { eventId: event.id } }),
    db.ticket.count({ where: { eventId: event.id } }),
    db.order.count({ where: { eventId: event.id, status: "refunded" } }),
    db.checkin.count({ where: { eventId: event.id, result: "admitted" } }),
  ]);
  return { tierIds, discountId: discount.id, deviceId: device.id, orders, tickets, refundedOrders, admitted };
}
