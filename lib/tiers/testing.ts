// Factories for tier and discount tests: organizers with members, events, tiers, orders, tickets and holds,
// written straight to the database (the events lib is developed separately).
import "server-only";
import { randomBytes } from "node:crypto";
import { createUserWithSession } from "@/lib/auth/testing";
import { db, type EventStatus, type MemberRole, type OrderStatus, type TicketStatus } from "@/lib/db";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(3).toString("hex")}`;

export async function createTestOrganizer(slug: string) {
  const owner = await createUserWithSession(`owner@${slug}.example`);
  const organizer = await db.organizer.create({
    data: {
      name: slug,
      slug,
      contactEmail: `hello@${slug}.example`,
      defaultCurrency: "cad",
      timezone: "America/Vancouver",
    },
  });
  await db.organizerMember.create({
    data: {
      organizerId: organizer.id,
      userId: owner.userId,
      email: `owner@${slug}.example`,
      role: "owner",
      acceptedAt: new Date(),
    },
  });
  return { organizer, owner };
}

export async function addTestMember(organizerId: string, email: string, role: MemberRole) {
  const member = await createUserWithSession(email);
  await db.organizerMember.create({
    data: { organizerId, userId: member.userId, email, role, acceptedAt: new Date() },
  });
  return member;
}

export async function createTestEvent(
  organizerId: string,
  overrides: { currency?: string; status?: EventStatus; timezone?: string } = {},
) {
  const slug = `event-${unique()}`;
  return db.event.create({
    data: {
      organizerId,
      slug,
      title: "Night Show",
      venueName: "The Loft",
      city: "Vancouver",
      country: "CA",
      timezone: overrides.timezone ?? "America/Vancouver",
      startsAt: new Date("2030-06-01T03:00:00Z"),
      endsAt: new Date("2030-06-01T06:00:00Z"),
      currency: overrides.currency ?? "cad",
      status: overrides.status ?? "published",
    },
  });
}

export async function createTestTier(
  eventId: string,
  overrides: {
    name?: string;
    capacity?: number;
    priceMinor?: number;
    currency?: string;
    sortOrder?: number;
  } = {},
) {
  return db.tier.create({
    data: {
      eventId,
      name: overrides.name ?? "General admission",
      priceMinor: overrides.priceMinor ?? 2500,
      currency: overrides.currency ?? "cad",
      capacity: overrides.capacity ?? 100,
      sortOrder: overrides.sortOrder ?? 0,
    },
  });
}

/**
 * An order for `quantity` seats of a tier. Paid-like orders get tickets (status `ticketStatus`); pending
 * ones get a hold expiring at `expiresAt` instead.
 */
export async function createTestOrder(
  event: { id: string; organizerId: string; currency: string },
  options: {
    tierId: string;
    quantity?: number;
    status?: OrderStatus;
    expiresAt?: Date | null;
    discountId?: string | null;
    ticketStatus?: TicketStatus;
    hold?: boolean;
  },
) {
  const quantity = options.quantity ?? 1;
  const status = options.status ?? "paid";
  const order = await db.order.create({
    data: {
      organizerId: event.organizerId,
      eventId: event.id,
      status,
      buyerEmail: "buyer@example.com",
      buyerName: "Buyer",
      currency: event.currency,
      subtotalMinor: 2500 * quantity,
      totalMinor: 2500 * quantity,
      discountId: options.discountId ?? null,
      accessTokenHash: `hash-${unique()}`,
      expiresAt: options.expiresAt === undefined ? null : options.expiresAt,
    },
  });
  const item = await db.orderItem.create({
    data: {
      orderId: order.id,
      tierId: options.tierId,
      tierName: "Tier",
      quantity,
      unitPriceMinor: 2500,
      totalMinor: 2500 * quantity,
    },
  });
  if (status === "paid" || status === "partially_refunded" || status === "refunded") {
    for (let i = 0; i < quantity; i++) {
      const secret = `secret-${unique()}`;
      await db.ticket.create({
        data: {
          organizerId: event.organizerId,
          eventId: event.id,
          tierId: options.tierId,
          orderId: order.id,
          orderItemId: item.id,
          secret,
          secretHash: `h-${secret}`,
          keyId: 1,
          status: options.ticketStatus ?? (status === "refunded" ? "refunded" : "valid"),
        },
      });
    }
  } else if (options.hold ?? status === "pending") {
    await db.hold.create({
      data: {
        eventId: event.id,
        tierId: options.tierId,
        orderId: order.id,
        quantity,
        expiresAt: options.expiresAt ?? new Date(Date.now() + 15 * 60_000),
      },
    });
  }
  return order;
}
