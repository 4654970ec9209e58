import { withAdmin } from "@/lib/auth/with-admin";
import { readJson } from "@/lib/http/route";
import { compOrderSchema, createCompOrder } from "@/lib/orders/create-comp-order";

/**
 * POST { tierId, quantity, recipientName, recipientEmail, note } (platform admins) → 201 { orderId,
 * ticketIds, passesUrl }. 422 bad field or no note, 404 unknown event or tier, 409 sold out or event over.
 */
export const POST = withAdmin<{ id: string }>(
  async (request, { user, params }) =>
    createCompOrder(params.id, await readJson(request, compOrderSchema), { actorUserId: user.id }),
  { status: 201 },
);
