import { apiRoute, readQuery } from "@/lib/http/route";
import { orderTokenQuerySchema, sessionUserIdOf } from "@/lib/orders/assert-order-request-access";
import { rotateOrderAccessLink } from "@/lib/orders/rotate-order-access-link";

/**
 * POST ?token= → 200 { emailed: true }: the order's link is replaced and the new one emailed to the buyer
 * (the buyer's current link or a signed-in owner/manager). 404 for anyone else, 409 for an unpaid order.
 */
export const POST = apiRoute<{ id: string }>(async (request, context) => {
  const { id } = await context.params;
  const { token } = readQuery(request, orderTokenQuerySchema);
  return rotateOrderAccessLink({ orderId: id, token, userId: sessionUserIdOf(request) });
});
