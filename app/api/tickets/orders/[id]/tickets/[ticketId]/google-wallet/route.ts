import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { apiRoute, readQuery } from "@/lib/http/route";
import { assertOrderRequestAccess, orderTokenQuerySchema } from "@/lib/orders/assert-order-request-access";
import { getOrderWalletTicket } from "@/lib/orders/get-order-wallet-ticket";
import { isTicketGoneError, ticketGoneResponse } from "@/lib/tickets/ticket-gone";
import { buildGoogleWalletLink } from "@/lib/wallet/build-google-wallet-link";
import { googleWalletConfig } from "@/lib/wallet/wallet-config";

/**
 * GET ?token= → 303 to Google Wallet's save page with the ticket as a signed JWT, with the order's access
 * rule (404 for anyone else, 410 for a refunded or void ticket). 404 when no service account is configured.
 */
export const GET = apiRoute<{ id: string; ticketId: string }>(async (request, context) => {
  const { id, ticketId } = await context.params;
  const { token } = readQuery(request, orderTokenQuerySchema);
  const config = googleWalletConfig();
  if (!config) throw AppError.notFound("Google Wallet is not set up on this platform.");
  const access = await assertOrderRequestAccess(request, id, token);
  try {
    const ticket = await getOrderWalletTicket(access, ticketId, { token, wallet: "google" });
    const link = await buildGoogleWalletLink(ticket, config, new URL(env.APP_URL).origin);
    return new Response(null, {
      status: 303,
      headers: { location: link, "cache-control": "private, no-store", "referrer-policy": "no-referrer" },
    });
  } catch (error) {
    if (isTicketGoneError(error)) return ticketGoneResponse();
    throw error;
  }
});
