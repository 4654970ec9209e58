// Demo data so a newcomer sees every feature at once: an organizer connected to Stripe in test mode, a
// published event with a cover image and two tiers (one nearly sold out), a discount code to try, paid orders
// from the past two weeks with signed tickets (one with the code, one refunded) and a few check-ins at the
// door; and a second organizer with its own published event, so a buyer's account, the admin portal and
// tenant separation each have two organizers to show.
import "server-only";
import { randomUUID } from "node:crypto";
import { recordScans } from "@/lib/checkin/record-scans";
import { generateToken } from "@/lib/checkin/device-token";
import { db, type Prisma } from "@/lib/db";
import { truncateAllTables } from "@/lib/db/truncate";
import { env } from "@/lib/env";
import { priceOrder, type DiscountInput } from "@/lib/money/price-order";
import { taxLinesSchema } from "@/lib/money/schemas";
import { orderAccessTokenFor } from "@/lib/orders/order-access-token";
import { pricedOrderColumns, pricedOrderItem } from "@/lib/orders/priced-order-rows";
import { getPlatformFee } from "@/lib/platform/get-platform-fee";
import { applyRefund } from "@/lib/refunds/apply-refund";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";

export const DEMO_EVENT_SLUG = "demo-night";
export const DEMO_OWNER_EMAIL = "demo@stagedoor.test";
/** A second member of the demo team, with the manager role (events, orders, refunds; not the team). */
export const DEMO_MANAGER_EMAIL = "manager@stagedoor.test";
/** 10% off every tier of the demo event: printed at start-up and in the README for a newcomer to try. */
export const DEMO_DISCOUNT_CODE = "DEMO10";
/** The second organizer's event and owner: another city, time zone and tax. */
export const SECOND_EVENT_SLUG = "harbour-sessions";
export const SECOND_OWNER_EMAIL = "harbour@stagedoor.test";
/** Committed under public/. */
export const DEMO_COVER_PATH = "/demo/demo-night-cover.jpg";

export interface SeedResult {
  seeded: boolean;
  eventSlug: string;
  discountCode: string;
  /** A demo buyer's passes page (path with its access token), when seeded. */
  samplePassesPath?: string;
}

/** Past General Admission orders: tickets, days ago, whether the demo code was used, refunded later. */
const GA_ORDERS = [
  { quantity: 2, daysAgo: 13, discounted: false, refunded: false },
  { quantity: 4, daysAgo: 9, discounted: true, refunded: false },
  { quantity: 1, daysAgo: 6, discounted: false, refunded: true },
  { quantity: 3, daysAgo: 2, discounted: true, refunded: false },
] as const;
/** VIP tickets admitted at the door by the demo scanner. */
const CHECKED_IN = 4;

const DAY = 24 * 60 * 60 * 1000;

/** Seeds an empty database (no organizers, no users); with `reset` empties the module's tables first. */
export async function seedDemo(options: { reset: boolean }): Promise<SeedResult> {
  if (options.reset) await truncateAllTables(db);
  const [organizers, users] = await Promise.all([db.organizer.count(), db.user.count()]);
  if (organizers > 0 || users > 0) {
    return { seeded: false, eventSlug: DEMO_EVENT_SLUG, discountCode: DEMO_DISCOUNT_CODE };
  }

  const orderIds: string[] = [];
  let refundedOrderId: string | undefined;
  // Ten orders with signed tickets: longer than the default 5 s transaction timeout on a busy machine.
  const seeded = await db.$transaction(
    async (tx) => {
      const owner = await tx.user.create({ data: { email: DEMO_OWNER_EMAIL, name: "Demo Owner" } });
      const manager = await tx.user.create({ data: { email: DEMO_MANAGER_EMAIL, name: "Demo Manager" } });
      const organizer = await tx.organizer.create({
        data: {
          name: "Demo Hall Productions",
          slug: "demo-hall",
          contactEmail: DEMO_OWNER_EMAIL,
          defaultCurrency: "cad",
          timezone: "America/Vancouver",
          stripeAccountId: "acct_test_demohall",
          stripeAccountKind: "express",
          stripeTestMode: true,
          stripeChargesEnabled: true,
          stripePayoutsEnabled: true,
          stripeDetailsSubmitted: true,
          members: {
            create: [
              { userId: owner.id, email: DEMO_OWNER_EMAIL, role: "owner", acceptedAt: new Date() },
              { userId: manager.id, email: DEMO_MANAGER_EMAIL, role: "manager", acceptedAt: new Date() },
            ],
          },
        },
      });
      // 8 pm Vancouver time (UTC-8 in winter, -7 in summer: 04:00 UTC lands at 8 or 9 pm), 30 days out.
      const startsAt = new Date(Math.floor((Date.now() + 30 * DAY) / DAY) * DAY + 4 * 60 * 60 * 1000);
      const event = await tx.event.create({
        data: {
          organizerId: organizer.id,
          slug: DEMO_EVENT_SLUG,
          title: "The Night Owls — Demo Night",
          summary: "A night of loud guitars and late trains. This is Stagedoor's demo event.",
          description:
            "Doors at 7 pm, first band at 8. All ages with ID for the bar. This event is demo data: buy a ticket with the built-in test-mode payment page and see the whole flow.",
          venueName: "Demo Hall",
          venueAddress: "123 Granville St",
          city: "Vancouver",
          region: "BC",
          country: "CA",
          timezone: "America/Vancouver",
          startsAt,
          endsAt: new Date(startsAt.getTime() + 4 * 60 * 60 * 1000),
          capacity: 220,
          coverImageUrl: new URL(DEMO_COVER_PATH, env.APP_URL).toString(),
          currency: "cad",
          status: "published",
          publishedAt: new Date(),
          allowRefundsUntil: new Date(startsAt.getTime() - DAY),
          feeModel: "buyer_pays",
          taxes: [
            { name: "GST", rateBps: 500, inclusive: false },
            { name: "PST", rateBps: 700, inclusive: false },
          ],
        },
      });
      const ga = await tx.tier.create({
        data: {
          eventId: event.id,
          name: "General Admission",
          priceMinor: 2500,
          currency: "cad",
          capacity: 200,
          maxPerOrder: 8,
          sortOrder: 1,
        },
      });
      const vip = await tx.tier.create({
        data: {
          eventId: event.id,
          name: "VIP Balcony",
          description: "Reserved balcony seating and a drink ticket.",
          priceMinor: 6000,
          currency: "cad",
          capacity: 20,
          maxPerOrder: 4,
          sortOrder: 2,
        },
      });

      const discount = await tx.discount.create({
        data: { eventId: event.id, code: DEMO_DISCOUNT_CODE, kind: "percent", percentBps: 1000 },
      });
      const discountInput: DiscountInput = { code: discount.code, kind: "percent", percentBps: 1000 };
      const taxes = taxLinesSchema.parse(event.taxes);
      const platformFee = await getPlatformFee(event.currency, tx);

      // Paid orders, priced by the same function as checkout, tickets issued the way a paid webhook issues
      // them. Six of three VIP tickets each: 18 of 20 sold, so the tier shows "few left".
      const orders = [
        ...Array.from({ length: 6 }, (_, i) => ({
          tier: vip,
          quantity: 3,
          daysAgo: 12 - 2 * i,
          discounted: false,
          refunded: false,
        })),
        ...GA_ORDERS.map((o) => ({ tier: ga, ...o })),
      ];
      for (const [i, o] of orders.entries()) {
        const priced = priceOrder({
          currency: event.currency,
          lines: [
            { tierId: o.tier.id, name: o.tier.name, unitPriceMinor: o.tier.priceMinor, quantity: o.quantity },
          ],
          discount: o.discounted ? discountInput : null,
          taxes,
          feeModel: event.feeModel,
          platformFee,
        });
        const orderId = randomUUID();
        const paidAt = new Date(Date.now() - o.daysAgo * DAY - i * 60 * 60 * 1000);
        orderIds.push(orderId);
        if (o.refunded) refundedOrderId = orderId;
        await tx.order.create({
          data: {
            id: orderId,
            organizerId: organizer.id,
            eventId: event.id,
            status: "paid",
            buyerEmail: `fan${i + 1}@example.test`,
            buyerName: `Demo Fan ${i + 1}`,
            ...pricedOrderColumns(priced),
            ...(o.discounted ? { discountId: discount.id } : {}),
            accessTokenHash: orderAccessTokenFor(orderId).hash,
            chargeType: "destination",
            stripeAccountId: organizer.stripeAccountId,
            stripePaymentIntentId: `pi_test_demo_${i + 1}`,
            createdAt: paidAt,
            paidAt,
            items: { create: priced.lines.map(pricedOrderItem) },
          },
        });
        await issueTicketsForOrder(tx, orderId);
      }

      // A scanner that worked the door: a device already in use (its token was never handed out).
      const device = await tx.scannerDevice.create({
        data: {
          organizerId: organizer.id,
          eventId: event.id,
          name: "Front door (demo)",
          tokenHash: generateToken().hash,
          provisionedAt: new Date(Date.now() - DAY),
          lastSeenAt: new Date(Date.now() - DAY),
          createdById: owner.id,
        },
      });
      const admitted = await tx.ticket.findMany({
        where: { eventId: event.id, organizerId: organizer.id, tierId: vip.id },
        orderBy: { id: "asc" },
        take: CHECKED_IN,
        select: { id: true },
      });
      await seedSecondOrganizer(tx);
      return {
        device: { id: device.id, name: device.name, eventId: event.id, organizerId: organizer.id },
        admitted,
      };
    },
    { timeout: 60_000 },
  );

  // After the commit, through the same paths as production: a refund made in the Stripe dashboard (tickets
  // voided, codes revoked, the buyer emailed) and manual admissions recorded as a scanner uploads them.
  if (refundedOrderId) {
    const order = await db.order.findUniqueOrThrow({
      where: { id: refundedOrderId },
      select: { totalMinor: true },
    });
    await applyRefund({
      orderId: refundedOrderId,
      stripeRefundId: "re_test_demo_1",
      amountMinor: order.totalMinor,
      source: "stripe_dashboard",
      reason: "The buyer could not make it (demo refund)",
    });
  }
  await recordScans(
    seeded.device,
    seeded.admitted.map((ticket, i) => ({
      nonce: `demo-admission-${i + 1}`,
      ticketId: ticket.id,
      scannedAt: new Date(Date.now() - DAY + i * 60_000).toISOString(),
      mode: "admitted" as const,
    })),
  );
  const sample = orderIds[0];
  return {
    seeded: true,
    eventSlug: DEMO_EVENT_SLUG,
    discountCode: DEMO_DISCOUNT_CODE,
    ...(sample
      ? { samplePassesPath: `/tickets/order/${sample}?token=${orderAccessTokenFor(sample).token}` }
      : {}),
  };
}

/** Harbour Lights Society in Toronto: connected in test mode, one published event with one tier, no orders. */
async function seedSecondOrganizer(tx: Prisma.TransactionClient): Promise<void> {
  const owner = await tx.user.create({ data: { email: SECOND_OWNER_EMAIL, name: "Harbour Owner" } });
  const organizer = await tx.organizer.create({
    data: {
      name: "Harbour Lights Society",
      slug: "harbour-lights",
      contactEmail: SECOND_OWNER_EMAIL,
      defaultCurrency: "cad",
      timezone: "America/Toronto",
      stripeAccountId: "acct_test_harbour",
      stripeAccountKind: "express",
      stripeTestMode: true,
      stripeChargesEnabled: true,
      stripePayoutsEnabled: true,
      stripeDetailsSubmitted: true,
      members: {
        create: [{ userId: owner.id, email: SECOND_OWNER_EMAIL, role: "owner", acceptedAt: new Date() }],
      },
    },
  });
  // 7:30 pm Toronto time (UTC-5 in winter), 45 days out.
  const startsAt = new Date(
    Math.floor((Date.now() + 45 * DAY) / DAY) * DAY + (24 + 30 / 60) * 60 * 60 * 1000,
  );
  const event = await tx.event.create({
    data: {
      organizerId: organizer.id,
      slug: SECOND_EVENT_SLUG,
      title: "Harbour Sessions — Folk by the Water",
      summary: "Three songwriters, one room, no amplifiers past the second row.",
      description:
        "Doors at 7, music at 7:30. Seated, first come first served. Demo data from a second organizer.",
      venueName: "Harbourfront Room",
      venueAddress: "235 Queens Quay W",
      city: "Toronto",
      region: "ON",
      country: "CA",
      timezone: "America/Toronto",
      venueLatitude: 43.6387,
      venueLongitude: -79.3826,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 60 * 60 * 1000),
      capacity: 120,
      currency: "cad",
      status: "published",
      publishedAt: new Date(),
      allowRefundsUntil: new Date(startsAt.getTime() - 2 * DAY),
      feeModel: "buyer_pays",
      taxes: [{ name: "HST", rateBps: 1300, inclusive: false }],
    },
  });
  await tx.tier.create({
    data: {
      eventId: event.id,
      name: "General",
      priceMinor: 1800,
      currency: "cad",
      capacity: 120,
      maxPerOrder: 6,
      sortOrder: 1,
    },
  });
}
