import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/http/route";
import { sessionUserIdOf } from "@/lib/orders/assert-order-request-access";
import { getTicketQrCode } from "@/lib/tickets/get-ticket-qr-code";
import { isTicketGoneError, ticketGoneResponse } from "@/lib/tickets/ticket-gone";

const querySchema = z.object({
  token: z.string().trim().max(256).optional(),
  format: z.enum(["png", "svg"]).default("png"),
});

/**
 * GET ?token=&format=png|svg → the ticket's QR code, for the buyer's link or a signed-in owner/manager (every
 * team fetch audited as ticket.qr_code_viewed); 404 for anyone else, scanners included; 410 problem+json for a
 * refunded or void ticket. Never cached.
 */
export const GET = apiRoute<{ id: string }>(async (request, context) => {
  const { id } = await context.params;
  const { token, format } = readQuery(request, querySchema);
  try {
    const qr = await getTicketQrCode({
      ticketId: id,
      token,
      userId: sessionUserIdOf(request),
      format,
    });
    const body = typeof qr.body === "string" ? qr.body : qr.body.slice().buffer;
    return new Response(body, {
      headers: {
        "content-type": qr.contentType,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      },
    });
  } catch (error) {
    if (isTicketGoneError(error)) return ticketGoneResponse();
    throw error;
  }
});
