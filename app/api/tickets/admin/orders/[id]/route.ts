import { getAdminOrder } from "@/lib/admin/get-admin-order";
import { withAdmin } from "@/lib/auth/with-admin";

/** GET (platform admins) → any organizer's order with its lines, tickets and refunds. */
export const GET = withAdmin<{ id: string }>(async (_request, { params }) => getAdminOrder(params.id));
