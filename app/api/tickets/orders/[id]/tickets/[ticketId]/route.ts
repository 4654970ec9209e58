import { z } from "zod";
import { apiRoute, clientIp, perIpLimit, readJson, readQuery } from "@/lib/http/route";
import { orderTokenQuerySchema } from "@/lib/orders/assert-order-request-access";
import { assertRateLimits } from "@/lib/rate-limit/consume-rate-limit";
import { renameTicketHolder } from "@/lib/tickets/rename-ticket-holder";

/**
 * PATCH ?token= { holderName } → 200 { ticketId, holderName }: the name on the ticket (passes, PDF, the door
 * after the scanners' next sync). The token is the order's link or the link a transfer gave for this ticket.
 * 404 for anyone else, 422 naming `holderName` (empty, too long, control characters), 409 after the event
 * started or for a ticket that is not valid, 429 past 60 per 10 minutes per IP.
 */
export const PATCH = apiRoute<{ id: string; ticketId: string }>(async (request, context) => {
  const { id, ticketId } = await context.params;
  await assertRateLimits(
    perIpLimit(clientIp(request), "ticket-rename", { limit: 60, windowMs: 10 * 60_000 }),
  );
  const { token } = readQuery(request, orderTokenQuerySchema);
  const body = await readJson(request, z.unknown());
  return renameTicketHolder({ orderId: id, ticketId, token, body });
});
