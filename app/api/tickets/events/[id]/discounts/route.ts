import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { createDiscount } from "@/lib/discounts/create-discount";
import { createDiscountSchema } from "@/lib/discounts/discount-rules";
import { listEventDiscounts } from "@/lib/discounts/list-event-discounts";
import { readJson } from "@/lib/http/route";

/** GET → { event, discounts } with each code's uses. Owners and managers; 404 for others' events. */
export const GET = withOrganizer<{ id: string }>(ROLES.manage, async (_request, { organizer, params }) =>
  listEventDiscounts(organizer.id, params.id),
);

/** POST code fields → 201 with the code; 409 naming `code` when it exists (any case), 422 naming bad fields. */
export const POST = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (request, { user, organizer, params }) => {
    const input = await readJson(request, createDiscountSchema);
    return createDiscount(organizer.id, params.id, input, { actorUserId: user.id });
  },
  { status: 201 },
);
