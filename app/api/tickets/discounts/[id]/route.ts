import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { updateDiscountSchema } from "@/lib/discounts/discount-rules";
import { updateDiscount } from "@/lib/discounts/update-discount";
import { readJson } from "@/lib/http/route";

/** PATCH some code fields → the code; { active: false } deactivates it (codes are never deleted). */
export const PATCH = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (request, { user, organizer, params }) => {
    const patch = await readJson(request, updateDiscountSchema);
    return updateDiscount(organizer.id, params.id, patch, { actorUserId: user.id });
  },
);
