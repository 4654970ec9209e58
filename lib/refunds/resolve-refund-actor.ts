// Who may refund: an owner/manager of the organizer the request acts for (the same check as withOrganizer),
// or a platform admin who gives an override note (then across organizers; the note is audited). A scanner
// gets 403; a member of another organizer gets 404 for the order (it is not in their tenant).
import "server-only";
import type { SessionUser } from "@/lib/auth/auth";
import { ROLES } from "@/lib/auth/roles";
import { resolveOrganizerAccess } from "@/lib/auth/with-organizer";
import type { RefundActor } from "@/lib/refunds/request-refund";

export async function resolveRefundActor(
  request: Request,
  user: SessionUser,
  body: unknown,
): Promise<RefundActor> {
  const note =
    body && typeof body === "object" && "adminOverrideNote" in body ? body.adminOverrideNote : undefined;
  if (user.isAdmin && typeof note === "string" && note.trim() !== "") {
    return { userId: user.id, organizerId: null, isAdmin: true, adminOverrideNote: note.trim() };
  }
  const access = await resolveOrganizerAccess(request, user.id, ROLES.manage);
  return { userId: user.id, organizerId: access.organizer.id, isAdmin: user.isAdmin };
}
