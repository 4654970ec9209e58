// Fixtures for inventory tests, the two-process child and the flash-sale benchmark: an organizer, an event
// with tiers (and optionally a cap and a discount), and the buyer's reservation (pending order + holds,
// through reserveSeats) as the checkout runs it. Written straight to the database with any Prisma client, so
// separate processes and separate connection pools can use them.
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { Db, OrderStatus } from "@/lib/db";
import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import { isAppError } from "@/lib/errors";
import { liveHold } from "@/lib/inventory/availability-sql";
import { intervalMs } from "@/lib/inventory/hold-clock";
import { reserveSeats } from "@/lib/inventory/reserve-seats";
import { eventRow, organizerRow } from "@/lib/testing/rows";

const unique = () => randomBytes(6).toString("hex");

export interface InventoryFixture {
  organizerId: string;
  eventId: string;
  tierIds: string[];
  discountId: string | null;
}

export async function createInventoryFixture(
  client: Db,
  options: {
    eventCapacity?: number | null;
    tiers: { name: string; capacity: number }[];
    discountMaxUses?: number | null;
  },
): Promise<InventoryFixture> {
  const slug = `inv-${unique()}`;
  const organizer = await client.organizer.create({ data: organizerRow(slug) });
  const event = await client.event.create({
    data: eventRow(organizer.id, { slug, title: "Flash Sale", capacity: options.eventCapacity ?? null }),
  });
  const tierIds: string[] = [];
  for (const [i, tier] of options.tiers.entries()) {
    const row = await client.tier.create({
      data: {
        eventId: event.id,
        name: tier.name,
        priceMinor: 2500,
        currency: "cad",
        capacity: tier.capacity,
        sortOrder: i,
      },
    });
    tierIds.push(row.id);
  }
  let discountId: string | null = null;
  if (options.discountMaxUses !== undefined) {
    const discount = await client.discount.create({
      data: {
        eventId: event.id,
        code: `CODE${unique().toUpperCase()}`,
        kind: "percent",
        percentBps: 1000,
        maxUses: options.discountMaxUses,
      },
    });
    discountId = discount.id;
  }
  return { organizerId: organizer.id, eventId: event.id, tierIds, discountId };
}

/** A pending (or other status) order row, as the checkout creates it before taking holds. */
export function testOrderData(
  fixture: Pick<InventoryFixture, "organizerId" | "eventId">,
  options: { status?: OrderStatus; discountId?: string | null } = {},
) {
  return {
    id: randomUUID(),
    organizerId: fixture.organizerId,
    eventId: fixture.eventId,
    status: options.status ?? "pending",
    buyerEmail: "buyer@example.com",
    buyerName: "Buyer",
    currency: "cad",
    subtotalMinor: 2500,
    totalMinor: 2500,
    discountId: options.discountId ?? null,
    accessTokenHash: randomBytes(16).toString("hex"),
  };
}

export async function createTestOrder(
  client: Db,
  fixture: Pick<InventoryFixture, "organizerId" | "eventId">,
  options: Parameters<typeof testOrderData>[1] = {},
) {
  return client.order.create({ data: testOrderData(fixture, options), select: { id: true } });
}

/** `count` tickets of a tier in one paid order (valid tickets count as sold). */
export async function sellTestTickets(
  client: Db,
  fixture: Pick<InventoryFixture, "organizerId" | "eventId">,
  tierId: string,
  count: number,
  status: "valid" | "refunded" | "void" = "valid",
) {
  const order = await createTestOrder(client, fixture, { status: "paid" });
  const item = await client.orderItem.create({
    data: { orderId: order.id, tierId, tierName: "GA", quantity: count, unitPriceMinor: 0, totalMinor: 0 },
  });
  await client.ticket.createMany({
    data: Array.from({ length: count }, () => {
      const secret = randomBytes(16).toString("hex");
      return {
        organizerId: fixture.organizerId,
        eventId: fixture.eventId,
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
  return order;
}

export type BuyOutcome = "ok" | "sold_out" | "discount_exhausted" | "busy" | "error";

export interface BuyRequest {
  fixture: Pick<InventoryFixture, "organizerId" | "eventId">;
  tierId: string;
  quantity: number;
  discount?: { id: string; maxUses: number | null } | null;
  /** TEST ONLY: the control case. */
  unsafeSkipLocks?: boolean;
}

/**
 * One buyer, as the checkout runs it: reserveSeats creates the pending order and takes its holds (served
 * together with the other buyers of the event on this client that arrive meanwhile), classified by outcome.
 */
export async function buy(
  client: PrismaClient,
  request: BuyRequest,
): Promise<{ outcome: BuyOutcome; error?: unknown }> {
  try {
    await reserveSeats(
      client,
      {
        order: testOrderData(request.fixture, { discountId: request.discount?.id ?? null }),
        items: [],
        lines: [{ tierId: request.tierId, quantity: request.quantity }],
        payWithinMs: 30 * 60_000,
        discount: request.discount ?? null,
      },
      { unsafeSkipLocks: request.unsafeSkipLocks },
    );
    return { outcome: "ok" };
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "sold_out") return { outcome: "sold_out" };
      if (error.code === "busy") return { outcome: "busy" };
      if (error.code === "validation" && error.fields.some((f) => f.field === "discountCode")) {
        return { outcome: "discount_exhausted" };
      }
    }
    return { outcome: "error", error };
  }
}

/** Seats in live holds of a tier (or the whole event) right now, by the database's clock. */
export async function countLiveHeldSeats(
  client: Db,
  where: { eventId: string; tierId?: string },
): Promise<number> {
  const rows = await client.$queryRaw<{ seats: number }[]>`
    SELECT coalesce(sum(h.quantity), 0)::int AS seats FROM tickets_holds h
    WHERE h.event_id = ${where.eventId} AND ${liveHold("h")}
      ${where.tierId ? Prisma.sql`AND h.tier_id = ${where.tierId}` : Prisma.empty}`;
  return rows[0]?.seats ?? 0;
}

/**
 * Lets time pass for an order's holds: moves their expiry `ms` earlier. Holds are judged by the database's
 * clock, so this is how a test makes a hold run out (or come close to it), never by handing the code another
 * "now".
 */
export async function ageHolds(client: Db, orderId: string, ms: number): Promise<void> {
  await client.$executeRaw`
    UPDATE tickets_holds SET expires_at = expires_at - ${intervalMs(ms)} WHERE order_id = ${orderId}`;
}
