import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/http/route";
import { assertOrderRequestAccess, orderTokenQuerySchema } from "@/lib/orders/assert-order-request-access";
import { getOrderTicketsPdf } from "@/lib/orders/get-order-tickets-pdf";
import { isTicketGoneError, ticketGoneResponse } from "@/lib/tickets/ticket-gone";

const querySchema = orderTokenQuerySchema.extend({
  ticket: z.string().trim().min(1).max(64).optional(),
});

/**
 * GET ?token=[&ticket=] → the order's valid tickets as a PDF, one page each (or the one ticket), with the
 * same access rule as the order: 404 for anyone else; 410 problem+json for a refunded or void ticket asked
 * by id. Never cached: the pages carry the ticket codes.
 */
export const GET = apiRoute<{ id: string }>(async (request, context) => {
  const { id } = await context.params;
  const { token, ticket } = readQuery(request, querySchema);
  const access = await assertOrderRequestAccess(request, id, token);
  try {
    const file = await getOrderTicketsPdf(access, { ticketId: ticket });
    return new Response(file.bytes.slice().buffer, {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (isTicketGoneError(error)) return ticketGoneResponse();
    throw error;
  }
});
