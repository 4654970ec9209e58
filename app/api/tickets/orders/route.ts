import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { readQuery } from "@/lib/http/route";
import { listOrganizerOrders } from "@/lib/refunds/list-organizer-orders";
import { orderListQuerySchema } from "@/lib/refunds/order-list-query";

/**
 * GET ?q&status&eventId&tierId&from&to&cursor&limit (owner, manager) → { orders, nextCursor, prevCursor,
 * timeZone }: one page of the organizer's orders, newest first (see orderListQuerySchema). 422 for a bad
 * value, `to` before `from`, or a cursor this list did not hand out.
 */
export const GET = withOrganizer(ROLES.manage, async (request, { organizer }) => {
  return listOrganizerOrders(organizer.id, readQuery(request, orderListQuerySchema));
});
