// Shared test factories: organizers with members, events, tiers, orders, tickets and holds, written straight
// to the database so a feature's tests do not depend on other features' code. Area-specific set-ups (the
// checkout's priced orders, the refunds' paid orders through the real checkout, check-in's signed tickets)
// build on these in the area's own testing.ts.
import "server-only";
import { randomBytes } from "node:crypto";
import { createUserWithSession } from "@/lib/auth/testing";
import type { MemberRole } from "@/lib/auth/roles";
import { db, type OrderStatus, type Prisma, type TicketStatus } from "@/lib/db";
import { eventRow, organizerRow, uniqueSuffix } from "@/lib/testing/rows";

export interface TestMember {
  userId: string;
  cookie: string;
}

const HOUR = 60 * 60 * 1000;

export { uniqueSuffix };

/** A time `hours` from now. */
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR);

/** 5% GST + 7% PST, both added on top, as the Vancouver test events charge. */
export const GST_PST_TAXES = [
  { name: "GST", rateBps: 500, inclusive: false },
  { name: "PST", rateBps: 700, inclusive: false },
];

/** An organizer whose owner has a session; `chargesEnabled` stands in for a finished Stripe onboarding
 * (a connected live-mode account that can take charges, as assertCanSellPaid requires). */
export async function createOrganizerWithOwner(
  slug = `org-${uniqueSuffix()}`,
  options: { chargesEnabled?: boolean } = {},
) {
  const owner = await createUserWithSession(`owner@${slug}.example`);
  const organizer = await db.organizer.create({
    data: {
      ...organizerRow(slug),
      members: {
        create: {
          userId: owner.userId,
          email: `owner@${slug}.example`,
          role: "owner",
          acceptedAt: new Date(),
        },
      },
    },
  });
  if (options.chargesEnabled) {
    await enableTestCharges(organizer.id);
    return { owner, organizer: await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } }) };
  }
  return { owner, organizer };
}

export async function enableTestCharges(organizerId: string): Promise<void> {
  await db.organizer.update({
    where: { id: organizerId },
    data: { stripeAccountId: `acct_test_${organizerId}`, stripeChargesEnabled: true, stripeTestMode: false },
  });
}

/** A user with a session who has accepted membership of the organizer with `role`. */
export async function addMember(organizerId: string, email: string, role: MemberRole): Promise<TestMember> {
  const member = await createUserWithSession(email);
  await db.organizerMember.create({
    data: { organizerId, userId: member.userId, email, role, acceptedAt: new Date() },
  });
  return member;
}

/** A published event in Vancouver in June 2030, in CAD, with no taxes; any column can be overridden. */
export async function createEvent(
  organizerId: string,
  overrides: Partial<Omit<Prisma.EventUncheckedCreateInput, "organizerId">> = {},
) {
  return db.event.create({ data: eventRow(organizerId, overrides) });
}

/** An event on sale now: published, two days ahead, with GST + PST (what checkout and refund tests buy). */
export async function createOnSaleEvent(
  organizerId: string,
  overrides: Partial<Omit<Prisma.EventUncheckedCreateInput, "organizerId">> = {},
) {
  return createEvent(organizerId, {
    title: "Night Owls",
    startsAt: hoursFromNow(48),
    endsAt: hoursFromNow(52),
    publishedAt: new Date(),
    taxes: GST_PST_TAXES,
    ...overrides,
  });
}

/** A tier of the event, in the event's currency unless given: General Admission, $25.00, 100 seats. */
export async function createTier(
  eventId: string,
  overrides: Partial<Omit<Prisma.TierUncheckedCreateInput, "eventId">> = {},
) {
  const currency =
    overrides.currency ??
    (await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { currency: true } })).currency;
  return db.tier.create({
    data: {
      name: "General Admission",
      priceMinor: 2500,
      capacity: 100,
      ...overrides,
      currency,
      eventId,
    },
  });
}

/**
 * An order for `quantity` seats of a tier ($25.00 each unless `unitPriceMinor`). Paid-like orders get
 * tickets (status `ticketStatus`, by default valid or, for a refunded order, refunded); pending ones get a
 * hold expiring at `expiresAt` (15 minutes ahead by default) unless `hold: false`.
 */
export async function createOrder(
  eventId: string,
  options: {
    tierId: string;
    quantity?: number;
    unitPriceMinor?: number;
    status?: OrderStatus;
    expiresAt?: Date | null;
    discountId?: string | null;
    ticketStatus?: TicketStatus;
    hold?: boolean;
  },
) {
  const event = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { organizerId: true, currency: true },
  });
  const quantity = options.quantity ?? 1;
  const unitPriceMinor = options.unitPriceMinor ?? 2500;
  const status = options.status ?? "paid";
  const order = await db.order.create({
    data: {
      organizerId: event.organizerId,
      eventId,
      status,
      buyerEmail: "buyer@example.com",
      buyerName: "Buyer",
      currency: event.currency,
      subtotalMinor: unitPriceMinor * quantity,
      totalMinor: unitPriceMinor * quantity,
      discountId: options.discountId ?? null,
      accessTokenHash: randomBytes(16).toString("hex"),
      expiresAt: options.expiresAt ?? null,
    },
  });
  const item = await db.orderItem.create({
    data: {
      orderId: order.id,
      tierId: options.tierId,
      tierName: "GA",
      quantity,
      unitPriceMinor,
      totalMinor: unitPriceMinor * quantity,
    },
  });
  if (status === "paid" || status === "partially_refunded" || status === "refunded") {
    await db.ticket.createMany({
      data: Array.from({ length: quantity }, () => {
        const secret = randomBytes(16).toString("hex");
        return {
          organizerId: event.organizerId,
          eventId,
          tierId: options.tierId,
          orderId: order.id,
          orderItemId: item.id,
          secret,
          secretHash: `h-${secret}`,
          keyId: 1,
          status: options.ticketStatus ?? (status === "refunded" ? "refunded" : "valid"),
        };
      }),
    });
  } else if (options.hold ?? status === "pending") {
    await db.hold.create({
      data: {
        eventId,
        tierId: options.tierId,
        orderId: order.id,
        quantity,
        expiresAt: options.expiresAt ?? new Date(Date.now() + 15 * 60_000),
      },
    });
  }
  return order;
}

/** `count` tickets in one paid order, with the given status (valid tickets count as sold). */
export async function sellTickets(
  eventId: string,
  tierId: string,
  count: number,
  ticketStatus: "valid" | "refunded" | "void" = "valid",
) {
  return createOrder(eventId, { tierId, quantity: count, unitPriceMinor: 0, ticketStatus });
}

/** A pending order holding `quantity` seats until `expiresAt`. */
export async function holdSeats(eventId: string, tierId: string, quantity: number, expiresAt: Date) {
  return createOrder(eventId, { tierId, quantity, unitPriceMinor: 0, status: "pending", expiresAt });
}
