import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { readQuery } from "@/lib/http/route";
import { listOrganizerOrders, orderListQuerySchema } from "@/lib/refunds/list-organizer-orders";

/** GET ?eventId= (owner, manager) → { orders }: the organizer's orders, newest first. */
export const GET = withOrganizer(ROLES.manage, async (request, { organizer }) => {
  const { eventId } = readQuery(request, orderListQuerySchema);
  return { orders: await listOrganizerOrders(organizer.id, { eventId }) };
});
