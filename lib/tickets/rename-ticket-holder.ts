// The holder's name on one ticket, changed by whoever holds its link (the order's, or the transfer's that
// gave them the ticket) until the event starts. The ticket's updatedAt moves, so the scanners' next delta sync
// carries the new name to the door. Audited as `ticket.holder_renamed`.
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { lockOrder } from "@/lib/orders/lock-order";
import { orderAccessActor } from "@/lib/orders/order-access-actor";
import { holderNameSchema } from "@/lib/tickets/holder-name";
import { resolveTicketAccess } from "@/lib/tickets/resolve-ticket-access";
import { ticketChangeRefusal } from "@/lib/tickets/ticket-change-refusal";

export const renameTicketHolderSchema = z.object({ holderName: holderNameSchema });

export interface RenameTicketHolderRequest {
  orderId: string;
  ticketId: string;
  token: string | undefined;
  body: unknown;
}

/** 404 for a caller the link does not open the ticket for; 422 naming `holderName`; 409 with why not. */
export async function renameTicketHolder(
  request: RenameTicketHolderRequest,
  now = new Date(),
): Promise<{ ticketId: string; holderName: string }> {
  const ids = { orderId: request.orderId, ticketId: request.ticketId, token: request.token };
  const first = await resolveTicketAccess(ids);
  if (!first) throw AppError.notFound("Ticket not found.");
  const { holderName } = parseInput(renameTicketHolderSchema, request.body);
  return db.$transaction(async (tx) => {
    await lockOrder(tx, first.orderId, first.organizerId);
    const access = await resolveTicketAccess(ids, { db: tx });
    if (!access) throw AppError.notFound("Ticket not found.");
    const ticket = await tx.ticket.findFirst({
      where: { id: access.ticketId, orderId: access.orderId, organizerId: access.organizerId },
      select: {
        id: true,
        status: true,
        disputed: true,
        holderName: true,
        event: { select: { status: true, startsAt: true, transfersEnabled: true } },
      },
    });
    if (!ticket) throw AppError.notFound("Ticket not found.");
    const refusal = ticketChangeRefusal(
      "rename",
      {
        status: ticket.status,
        disputed: ticket.disputed,
        checkedIn: false,
        refundPending: false,
        eventStatus: ticket.event.status,
        eventStartsAt: ticket.event.startsAt,
        transfersEnabled: ticket.event.transfersEnabled,
      },
      now,
    );
    if (refusal) throw AppError.conflict(refusal, "holderName");
    if (ticket.holderName !== holderName) {
      await tx.ticket.update({ where: { id: ticket.id }, data: { holderName } });
      await recordAudit(tx, {
        organizerId: access.organizerId,
        ...orderAccessActor(access),
        action: "ticket.holder_renamed",
        entityType: "ticket",
        entityId: ticket.id,
        data: { orderId: access.orderId, from: ticket.holderName, to: holderName, via: access.via },
      });
    }
    return { ticketId: ticket.id, holderName };
  });
}
