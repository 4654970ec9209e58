import { AppError } from "@/lib/errors";
import { apiRoute, readQuery } from "@/lib/http/route";
import { assertOrderRequestAccess, orderTokenQuerySchema } from "@/lib/orders/assert-order-request-access";
import { getOrderWalletTicket } from "@/lib/orders/get-order-wallet-ticket";
import { isTicketGoneError, ticketGoneResponse } from "@/lib/tickets/ticket-gone";
import { buildApplePass } from "@/lib/wallet/build-apple-pass";
import { appleWalletConfig } from "@/lib/wallet/wallet-config";

/**
 * GET ?token= → the ticket as a signed Apple Wallet pass (.pkpass), with the order's access rule (404 for
 * anyone else, 410 for a refunded or void ticket). 404 when the platform has no pass certificate configured.
 */
export const GET = apiRoute<{ id: string; ticketId: string }>(async (request, context) => {
  const { id, ticketId } = await context.params;
  const { token } = readQuery(request, orderTokenQuerySchema);
  const config = appleWalletConfig();
  if (!config) throw AppError.notFound("Apple Wallet passes are not set up on this platform.");
  const access = await assertOrderRequestAccess(request, id, token);
  try {
    const ticket = await getOrderWalletTicket(access, ticketId, { token, wallet: "apple" });
    const pass = buildApplePass(ticket, config);
    return new Response(new Uint8Array(pass), {
      headers: {
        "content-type": "application/vnd.apple.pkpass",
        "content-disposition": `attachment; filename="ticket-${ticket.shortCode}.pkpass"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (isTicketGoneError(error)) return ticketGoneResponse();
    throw error;
  }
});
