// Who an audit entry names when a change comes through an order's (or a ticket's) access: the team member
// signed in for the organizer, else the link holder (the buyer, or a transfer's recipient), who has no user id.
import type { AuditEntry } from "@/lib/audit/record-audit";

export function orderAccessActor(
  access: { via: "organizer"; userId: string } | { via: "token" | "transfer" },
): Pick<AuditEntry, "actorUserId" | "actorType"> {
  return access.via === "organizer"
    ? { actorUserId: access.userId, actorType: "user" }
    : { actorUserId: null, actorType: "buyer" };
}
