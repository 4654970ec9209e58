import { getOrderTimeline } from "@/lib/audit/get-order-timeline";
import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";

/** GET (owner, manager) → the order's timeline from the audit log (order, tickets, refunds), oldest first. */
export const GET = withOrganizer<{ id: string }>(ROLES.manage, async (_request, { organizer, params }) => ({
  entries: await getOrderTimeline(organizer.id, params.id),
}));
