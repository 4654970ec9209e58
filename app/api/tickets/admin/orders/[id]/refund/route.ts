import { z } from "zod";
import { withAdmin } from "@/lib/auth/with-admin";
import { readJson } from "@/lib/http/route";
import { requestRefund } from "@/lib/refunds/request-refund";

/**
 * POST { ticketIds? | amountMinor?, reason, adminOverrideNote } (platform admins) → 202 the pending refund,
 * past the event's refund deadline too; split and sent exactly as an organizer's refund. 422 without the
 * note (or for a comp order: nothing to refund), 409 fully refunded, 404 unknown order.
 */
export const POST = withAdmin<{ id: string }>(
  async (request, { user, params }) =>
    requestRefund(
      { userId: user.id, organizerId: null, isAdmin: true },
      params.id,
      await readJson(request, z.unknown()),
      { source: "admin" },
    ),
  { status: 202 },
);
