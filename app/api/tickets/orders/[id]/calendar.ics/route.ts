import { apiRoute, readQuery } from "@/lib/http/route";
import { assertOrderRequestAccess, orderTokenQuerySchema } from "@/lib/orders/assert-order-request-access";
import { getOrderCalendar } from "@/lib/orders/get-order-calendar";

/** GET ?token= → the event as an iCalendar file (same access rule as the order). */
export const GET = apiRoute<{ id: string }>(async (request, context) => {
  const { id } = await context.params;
  const { token } = readQuery(request, orderTokenQuerySchema);
  const file = await getOrderCalendar(await assertOrderRequestAccess(request, id, token));
  return new Response(file.content, {
    headers: {
      "content-type": `${file.contentType}; charset=utf-8`,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
