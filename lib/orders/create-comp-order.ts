// A platform admin issues complimentary tickets: an order on the `comp` channel with zero amounts, paid at
// once, no Stripe objects. Its seats are taken under the inventory lock checkout uses (takeHolds: capacity
// counts comps, never oversold), then turned into tickets by the one issuing path and confirmed by email in
// the same transaction, as a paid order is (fulfillOrder).
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { adminNoteSchema } from "@/lib/admin/admin-note";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { takeHolds } from "@/lib/inventory/take-holds";
import { orderAccessTokenFor, orderPassesUrl } from "@/lib/orders/order-access-token";
import { queueOrderConfirmation } from "@/lib/orders/queue-order-confirmation";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";

export const MAX_COMP_QUANTITY = 200;

export const compOrderSchema = z.object({
  tierId: z.string({ error: "choose a tier" }).trim().min(1, { error: "choose a tier" }).max(64),
  quantity: z
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(MAX_COMP_QUANTITY, { error: `must be at most ${MAX_COMP_QUANTITY}` }),
  recipientName: z
    .string({ error: "is required" })
    .trim()
    .min(1, { error: "is required" })
    .max(120, { error: "must be at most 120 characters" }),
  recipientEmail: z
    .email({ error: "must be an email address like name@example.com" })
    .max(254, { error: "must be at most 254 characters" })
    .toLowerCase(),
  note: adminNoteSchema,
});

export type CompOrderInput = z.input<typeof compOrderSchema>;

export interface CompOrder {
  orderId: string;
  ticketIds: string[];
  /** The recipient's passes page (also in their confirmation email). */
  passesUrl: string;
}

/** A hold lives for the transaction only (converted before commit); takeHolds wants a time to pay. */
const COMP_HOLD_MS = 60_000;

/**
 * 422 naming the field (no note, bad quantity or email), 404 unknown event or a tier not of this event,
 * 409 sold out (naming the tier) or a cancelled, archived or ended event, 503 busy on lock timeout.
 * Audited `tickets.order.comp_created` with the note.
 */
export async function createCompOrder(
  eventId: string,
  input: unknown,
  options: {
    actorUserId: string;
    now?: Date;
    /**
     * TEST ONLY: the control case of app/api/tickets/admin/events/admin-overrides.test.ts, showing the
     * oversell the inventory locks prevent. Never set it anywhere else.
     */
    unsafeSkipLocks?: boolean;
  },
): Promise<CompOrder> {
  const data = parseInput(compOrderSchema, input);
  const now = options.now ?? new Date();
  const orderId = randomUUID();
  const accessToken = orderAccessTokenFor(orderId);
  const ticketIds = await db.$transaction(
    async (tx) => {
      const event = await tx.event.findUnique({
        where: { id: eventId },
        select: {
          id: true,
          organizerId: true,
          currency: true,
          status: true,
          endsAt: true,
          tiers: { where: { id: data.tierId }, select: { id: true, name: true } },
        },
      });
      if (!event) throw AppError.notFound("Event not found.");
      const tier = event.tiers[0];
      if (!tier) {
        throw new AppError("not_found", "That tier is not one of this event's.", {
          fields: [{ field: "tierId", message: "is not a tier of this event" }],
        });
      }
      if (event.status === "cancelled" || event.status === "archived") {
        throw AppError.conflict(`This event is ${event.status}: no tickets can be issued.`);
      }
      if (event.endsAt <= now) throw AppError.conflict("This event has ended: no tickets can be issued.");

      await tx.order.create({
        data: {
          id: orderId,
          organizerId: event.organizerId,
          eventId: event.id,
          channel: "comp",
          status: "pending",
          buyerEmail: data.recipientEmail,
          buyerName: data.recipientName,
          currency: event.currency,
          subtotalMinor: 0,
          totalMinor: 0,
          accessTokenHash: accessToken.hash,
          items: {
            create: {
              tierId: tier.id,
              tierName: tier.name,
              quantity: data.quantity,
              unitPriceMinor: 0,
              totalMinor: 0,
            },
          },
        },
      });
      await takeHolds(
        tx,
        {
          eventId: event.id,
          orderId,
          lines: [{ tierId: tier.id, quantity: data.quantity }],
          payWithinMs: COMP_HOLD_MS,
        },
        { unsafeSkipLocks: options.unsafeSkipLocks },
      );
      await tx.order.update({ where: { id: orderId }, data: { status: "paid", paidAt: now } });
      const tickets = await issueTicketsForOrder(tx, orderId);
      await queueOrderConfirmation(tx, orderId, { accessToken: accessToken.token });
      await recordAudit(tx, {
        organizerId: event.organizerId,
        actorUserId: options.actorUserId,
        actorType: "admin",
        action: "tickets.order.comp_created",
        entityType: "order",
        entityId: orderId,
        data: {
          eventId: event.id,
          tierId: tier.id,
          quantity: data.quantity,
          recipientEmail: data.recipientEmail,
          note: data.note,
        },
      });
      return tickets.map((t) => t.id);
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  return { orderId, ticketIds, passesUrl: orderPassesUrl(orderId, accessToken.token) };
}
