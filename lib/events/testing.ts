// Test fixtures for events: organizers with members, tiers, sold tickets and holds, written straight to
// the database so event tests do not depend on the tier, checkout or payment features.
import "server-only";
import { randomBytes } from "node:crypto";
import { createUserWithSession } from "@/lib/auth/testing";
import type { MemberRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { createOrganizer } from "@/lib/organizers/create-organizer";

export interface TestMember {
  userId: string;
  cookie: string;
}

/** An organizer whose owner has a session; `chargesEnabled` stands in for a finished Stripe onboarding
 * (a connected live-mode account that can take charges, as assertCanSellPaid requires). */
export async function createTestOrganizer(slug: string, options: { chargesEnabled?: boolean } = {}) {
  const owner = await createUserWithSession(`owner@${slug}.example`);
  const organizer = await createOrganizer(owner.userId, {
    name: slug,
    slug,
    contactEmail: `owner@${slug}.example`,
    defaultCurrency: "cad",
    timezone: "America/Vancouver",
  });
  if (options.chargesEnabled) {
    await enableTestCharges(organizer.id);
  }
  return { owner, organizer };
}

export async function enableTestCharges(organizerId: string): Promise<void> {
  await db.organizer.update({
    where: { id: organizerId },
    data: { stripeAccountId: `acct_test_${organizerId}`, stripeChargesEnabled: true, stripeTestMode: false },
  });
}

export async function addTestMember(
  organizerId: string,
  email: string,
  role: MemberRole,
): Promise<TestMember> {
  const member = await createUserWithSession(email);
  await db.organizerMember.create({
    data: { organizerId, userId: member.userId, email, role, acceptedAt: new Date() },
  });
  return member;
}

export async function createTestTier(
  eventId: string,
  options: { priceMinor?: number; capacity?: number; name?: string } = {},
) {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { currency: true } });
  return db.tier.create({
    data: {
      eventId,
      name: options.name ?? "General Admission",
      priceMinor: options.priceMinor ?? 2500,
      currency: event.currency,
      capacity: options.capacity ?? 100,
    },
  });
}

async function createTestOrder(eventId: string, status: "paid" | "pending") {
  const event = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { organizerId: true, currency: true },
  });
  const order = await db.order.create({
    data: {
      organizerId: event.organizerId,
      eventId,
      status,
      buyerEmail: "buyer@example.com",
      buyerName: "Buyer",
      currency: event.currency,
      subtotalMinor: 0,
      totalMinor: 0,
      accessTokenHash: randomBytes(16).toString("hex"),
    },
  });
  return { order, organizerId: event.organizerId };
}

/** `count` tickets in one paid order, with the given status (valid tickets count as sold). */
export async function sellTestTickets(
  eventId: string,
  tierId: string,
  count: number,
  status: "valid" | "refunded" | "void" = "valid",
): Promise<void> {
  const { order, organizerId } = await createTestOrder(eventId, "paid");
  const item = await db.orderItem.create({
    data: { orderId: order.id, tierId, tierName: "GA", quantity: count, unitPriceMinor: 0, totalMinor: 0 },
  });
  await db.ticket.createMany({
    data: Array.from({ length: count }, () => {
      const secret = randomBytes(16).toString("hex");
      return {
        organizerId,
        eventId,
        tierId,
        orderId: order.id,
        orderItemId: item.id,
        secret,
        secretHash: `h-${secret}`,
        keyId: 1,
        status,
      };
    }),
  });
}

/** A hold of `quantity` seats expiring at `expiresAt`. */
export async function holdTestSeats(eventId: string, tierId: string, quantity: number, expiresAt: Date) {
  const { order } = await createTestOrder(eventId, "pending");
  await db.hold.create({ data: { eventId, tierId, orderId: order.id, quantity, expiresAt } });
}

/** A valid event body as the portal's form sends it (wall-clock times in the event's zone). */
export function eventFormInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "The Night Owls",
    summary: "Loud guitars, late trains.",
    description: "",
    venueName: "The Loft",
    venueAddress: "123 Granville St",
    city: "Vancouver",
    region: "BC",
    country: "ca",
    timezone: "America/Vancouver",
    startsAt: "2030-12-27T20:00",
    endsAt: "2030-12-27T23:30",
    capacity: "",
    currency: "CAD",
    feeModel: "buyer_pays",
    allowRefundsUntil: "2030-12-26T20:00",
    stripeTaxEnabled: false,
    taxes: [
      { name: "GST", rateBps: 500, inclusive: false },
      { name: "PST", rateBps: 700, inclusive: false },
    ],
    ...overrides,
  };
}
