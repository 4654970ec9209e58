// Demo data so a newcomer sees the product at once: an organizer connected to Stripe in test mode, a
// published event with two tiers (one nearly sold out) and a few paid orders with signed tickets.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { truncateAllTables } from "@/lib/db/truncate";
import { priceOrder } from "@/lib/money/price-order";
import { taxLinesSchema } from "@/lib/money/schemas";
import { orderAccessTokenFor } from "@/lib/orders/order-access-token";
import { pricedOrderColumns, pricedOrderItem } from "@/lib/orders/priced-order-rows";
import { getPlatformFee } from "@/lib/platform/get-platform-fee";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";

export const DEMO_EVENT_SLUG = "demo-night";
export const DEMO_OWNER_EMAIL = "demo@stagedoor.test";

export interface SeedResult {
  seeded: boolean;
  eventSlug: string;
  /** A demo buyer's passes page (path with its access token), when seeded. */
  samplePassesPath?: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** Seeds an empty database (no organizers, no users); with `reset` empties the module's tables first. */
export async function seedDemo(options: { reset: boolean }): Promise<SeedResult> {
  if (options.reset) await truncateAllTables(db);
  const [organizers, users] = await Promise.all([db.organizer.count(), db.user.count()]);
  if (organizers > 0 || users > 0) return { seeded: false, eventSlug: DEMO_EVENT_SLUG };

  const orderIds: string[] = [];
  await db.$transaction(async (tx) => {
    const owner = await tx.user.create({ data: { email: DEMO_OWNER_EMAIL, name: "Demo Owner" } });
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
          create: { userId: owner.id, email: DEMO_OWNER_EMAIL, role: "owner", acceptedAt: new Date() },
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
    await tx.tier.create({
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

    // Six paid orders of three VIP tickets each: 18 of 20 sold, so the tier shows "few left". Priced by the
    // same function as checkout, tickets issued the way a paid webhook issues them.
    const priced = priceOrder({
      currency: event.currency,
      lines: [{ tierId: vip.id, name: vip.name, unitPriceMinor: vip.priceMinor, quantity: 3 }],
      taxes: taxLinesSchema.parse(event.taxes),
      feeModel: event.feeModel,
      platformFee: await getPlatformFee(event.currency, tx),
    });
    for (let i = 1; i <= 6; i++) {
      const orderId = randomUUID();
      orderIds.push(orderId);
      await tx.order.create({
        data: {
          id: orderId,
          organizerId: organizer.id,
          eventId: event.id,
          status: "paid",
          buyerEmail: `fan${i}@example.test`,
          buyerName: `Demo Fan ${i}`,
          ...pricedOrderColumns(priced),
          accessTokenHash: orderAccessTokenFor(orderId).hash,
          chargeType: "destination",
          stripeAccountId: organizer.stripeAccountId,
          paidAt: new Date(),
          items: { create: priced.lines.map(pricedOrderItem) },
        },
      });
      await issueTicketsForOrder(tx, orderId);
    }
  });
  const sample = orderIds[0];
  return {
    seeded: true,
    eventSlug: DEMO_EVENT_SLUG,
    ...(sample
      ? { samplePassesPath: `/tickets/order/${sample}?token=${orderAccessTokenFor(sample).token}` }
      : {}),
  };
}
