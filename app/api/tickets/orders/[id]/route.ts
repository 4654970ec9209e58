import { apiRoute, readQuery } from "@/lib/http/route";
import { assertOrderRequestAccess, orderTokenQuerySchema } from "@/lib/orders/assert-order-request-access";
import { getOrderSummary } from "@/lib/orders/get-order-summary";

/** GET ?token= → the order summary for the buyer's link or a signed-in owner/manager; 404 otherwise. */
export const GET = apiRoute<{ id: string }>(async (request, context) => {
  const { id } = await context.params;
  const { token } = readQuery(request, orderTokenQuerySchema);
  const access = await assertOrderRequestAccess(request, id, token);
  return Response.json(await getOrderSummary(access), {
    headers: { "cache-control": "private, no-store", "referrer-policy": "no-referrer" },
  });
});
