import { z } from "zod";
import { apiRoute, clientIp, perIpLimit, readJson, readQuery } from "@/lib/http/route";
import { orderTokenQuerySchema } from "@/lib/orders/assert-order-request-access";
import { assertRateLimits } from "@/lib/rate-limit/consume-rate-limit";
import { transferTicket } from "@/lib/tickets/transfer-ticket";

/**
 * POST ?token= { name, email } → 200 { transferId, fromTicketId, toTicketId, recipientName }: the ticket goes
 * to the recipient (new code, their own link by email; the old code is revoked). The token is the order's
 * link or the link a transfer gave for this ticket. 404 for anyone else, 422 naming `name` or `email`, 409
 * when the ticket cannot go (used, refunded, void, disputed, already transferred, event started, transfers
 * off), 429 past 20 per 10 minutes per IP or 10 an hour per order.
 */
export const POST = apiRoute<{ id: string; ticketId: string }>(async (request, context) => {
  const { id, ticketId } = await context.params;
  await assertRateLimits(
    perIpLimit(clientIp(request), "ticket-transfer", { limit: 20, windowMs: 10 * 60_000 }),
  );
  const { token } = readQuery(request, orderTokenQuerySchema);
  const body = await readJson(request, z.unknown());
  return transferTicket({ orderId: id, ticketId, token, body });
});
