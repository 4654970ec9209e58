// "Send this ticket to a friend": the holder of the order's link, or of a transfer's link for the ticket it
// gave them, sends one ticket to someone else (name + email) until the event starts. See
// apply-ticket-transfer.ts for what changes; here: input, access, limit, and one transaction under the order's
// lock, so two transfers of one ticket at once end in exactly one transfer and one 409.
import "server-only";
import { z } from "zod";
import { emailSchema } from "@/lib/auth/email";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { lockOrder } from "@/lib/orders/lock-order";
import { consumeRateLimit, type RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";
import { applyTicketTransfer, type AppliedTransfer } from "@/lib/tickets/apply-ticket-transfer";
import { holderNameSchema } from "@/lib/tickets/holder-name";
import { resolveTicketAccess } from "@/lib/tickets/resolve-ticket-access";

export const transferTicketSchema = z.object({
  name: holderNameSchema,
  email: emailSchema,
});

/** Per order: each transfer sends an email to an address the caller chose. */
export const TRANSFER_LIMIT = { limit: 10, windowMs: 60 * 60_000 } as const satisfies RateLimitRule;

export interface TransferTicketRequest {
  orderId: string;
  ticketId: string;
  token: string | undefined;
  body: unknown;
}

/** 404 for a caller the link does not open the ticket for; 422 naming `name` or `email`; 409 with why not. */
export async function transferTicket(
  request: TransferTicketRequest,
  now = new Date(),
): Promise<Omit<AppliedTransfer, "recipient"> & { recipientName: string }> {
  // Only the holder's links: an organizer's team has no business sending a buyer's ticket away.
  const first = await resolveTicketAccess({
    orderId: request.orderId,
    ticketId: request.ticketId,
    token: request.token,
  });
  if (!first) throw AppError.notFound("Ticket not found.");
  const recipient = parseInput(transferTicketSchema, request.body);
  const limit = await consumeRateLimit(`ticket-transfer:${first.orderId}`, TRANSFER_LIMIT);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    throw new AppError(
      "rate_limited",
      `Too many transfers from this order in the last hour. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      { retryAfterSeconds: limit.retryAfterSeconds },
    );
  }
  const applied = await db.$transaction(async (tx) => {
    await lockOrder(tx, first.orderId, first.organizerId);
    // Again under the lock: a link rotated meanwhile opens nothing.
    const access = await resolveTicketAccess(
      { orderId: request.orderId, ticketId: request.ticketId, token: request.token },
      { db: tx },
    );
    if (!access) throw AppError.notFound("Ticket not found.");
    return applyTicketTransfer(tx, access, recipient, now);
  });
  return {
    transferId: applied.transferId,
    fromTicketId: applied.fromTicketId,
    toTicketId: applied.toTicketId,
    recipientName: applied.recipient.name,
  };
}
