// Test fixtures for check-in: an organizer with an event, paid tickets with real signed codes (issued by
// issueTicketsForOrder), and provisioned scanner devices. Straight to the database, no checkout.
import "server-only";
import { randomBytes } from "node:crypto";
import { GET as syncGet } from "@/app/api/tickets/checkin/sync/route";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { SYNC_FORMAT, type SyncResponse } from "@/lib/checkin/contract";
import { createDevice } from "@/lib/checkin/create-device";
import { provisionDevice } from "@/lib/checkin/provision-device";
import { db } from "@/lib/db";
import { createEvent } from "@/lib/events/create-event";
import { eventFormInput } from "@/lib/events/testing";
import { createOrganizerWithOwner, createTier } from "@/lib/testing/factories";
import { issueTicketsForOrder, type IssuedTicket } from "@/lib/tickets/issue-tickets-for-order";

export async function createCheckinWorld(slug: string) {
  const { owner, organizer } = await createOrganizerWithOwner(slug, { chargesEnabled: true });
  const event = await createEvent(
    { organizerId: organizer.id, userId: owner.userId },
    eventFormInput({ slug: `${slug}-show` }),
  );
  const tier = await createTier(event.id, { name: "GA" });
  return { owner, organizer, event, tier };
}

/** A paid order of `count` tickets with signed codes. */
export async function issueTestTickets(
  eventId: string,
  tierId: string,
  count: number,
): Promise<IssuedTicket[]> {
  const event = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { organizerId: true, currency: true },
  });
  return db.$transaction(
    async (tx) => {
      const order = await tx.order.create({
        data: {
          organizerId: event.organizerId,
          eventId,
          status: "paid",
          buyerEmail: "fan@example.com",
          buyerName: "Fan",
          currency: event.currency,
          subtotalMinor: 0,
          totalMinor: 0,
          accessTokenHash: randomBytes(16).toString("hex"),
          paidAt: new Date(),
        },
      });
      await tx.orderItem.create({
        data: {
          orderId: order.id,
          tierId,
          tierName: "GA",
          quantity: count,
          unitPriceMinor: 0,
          totalMinor: 0,
        },
      });
      return issueTicketsForOrder(tx, order.id);
    },
    { timeout: 120_000 },
  );
}

/** What a refund does to a ticket, as far as the scanners can tell: status + a revocation entry. */
export async function refundTestTicket(ticket: { id: string; secretHash: string }, eventId: string) {
  await db.$transaction([
    db.ticket.update({ where: { id: ticket.id }, data: { status: "refunded" } }),
    db.revokedSecret.create({
      data: { eventId, ticketId: ticket.id, secretHash: ticket.secretHash, reason: "refunded" },
    }),
  ]);
}

/** A provisioned device: its id and token. */
export async function createTestDevice(organizerId: string, eventId: string, userId: string, name: string) {
  const created = await createDevice(organizerId, eventId, { name }, { userId });
  const token = new URL(created.provisioningUrl).searchParams.get("provision") ?? "";
  const provisioned = await provisionDevice(token);
  return { id: provisioned.device.id, name, token: provisioned.deviceToken };
}

/** A request from a scanner device. */
export function deviceRequest(path: string, token: string, body?: unknown): Request {
  return apiRequest(path, { body, headers: { authorization: `Bearer ${token}` } });
}

/** A scanner's sync down through the route (full, or the delta since `cursor`); throws unless 200. */
export async function syncDevice(deviceToken: string, cursor?: string): Promise<SyncResponse> {
  const query = `format=${SYNC_FORMAT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
  const response = await syncGet(
    deviceRequest(`/api/tickets/checkin/sync?${query}`, deviceToken),
    routeContext(),
  );
  if (response.status !== 200) throw new Error(`sync answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as SyncResponse;
}

let nonceCounter = 0;
export function nonce(): string {
  nonceCounter += 1;
  return `n-${Date.now()}-${nonceCounter}-${randomBytes(4).toString("hex")}`;
}
