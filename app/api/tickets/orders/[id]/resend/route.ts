import { apiRoute, readQuery } from "@/lib/http/route";
import { orderTokenQuerySchema, sessionUserIdOf } from "@/lib/orders/assert-order-request-access";
import { resendOrderConfirmation } from "@/lib/orders/resend-order-confirmation";

/**
 * POST ?token= → 200 { emailed: true }: the confirmation with the passes is queued again for the buyer (the
 * order's link or a signed-in owner/manager). 404 for anyone else, 409 for an order without passes, 429 after
 * 3 in an hour for the order.
 */
export const POST = apiRoute<{ id: string }>(async (request, context) => {
  const { id } = await context.params;
  const { token } = readQuery(request, orderTokenQuerySchema);
  return resendOrderConfirmation({ orderId: id, token, userId: sessionUserIdOf(request) });
});
