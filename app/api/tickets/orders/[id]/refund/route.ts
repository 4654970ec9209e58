import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { requireRequestUser } from "@/lib/auth/with-user";
import { apiRoute, readJson } from "@/lib/http/route";
import { getOrganizerOrder } from "@/lib/refunds/get-organizer-order";
import { requestRefund } from "@/lib/refunds/request-refund";
import { resolveRefundActor } from "@/lib/refunds/resolve-refund-actor";

/** GET (owner, manager) → the order with its tickets and refunds (the portal polls it while one is pending). */
export const GET = withOrganizer<{ id: string }>(ROLES.manage, async (_request, { organizer, params }) =>
  getOrganizerOrder(organizer.id, params.id),
);

/**
 * POST { ticketIds? | amountMinor?, reason, adminOverrideNote? } (owner, manager; platform admins with a
 * note) → 202 the pending refund. 422 bad amount / tickets, 409 deadline passed or fully refunded, 404 not
 * this organizer's order, 403 scanner.
 */
export const POST = apiRoute<{ id: string }>(
  async (request, context) => {
    const user = await requireRequestUser(request);
    const { id } = await context.params;
    const body = await readJson(request, z.unknown());
    const actor = await resolveRefundActor(request, user, body);
    return requestRefund(actor, id, body);
  },
  { status: 202 },
);
