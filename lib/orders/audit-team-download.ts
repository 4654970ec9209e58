// Ticket codes leaving through the organizer's team (QR image, wallet pass, PDF) are audited, each fetch; the
// buyer's and a recipient's own downloads through their link are not.
import "server-only";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";

export async function auditTeamDownload(
  client: Db,
  access: { organizerId: string } & ({ via: "organizer"; userId: string } | { via: "token" | "transfer" }),
  entry: Pick<AuditEntry, "action" | "entityType" | "entityId" | "data">,
): Promise<void> {
  if (access.via !== "organizer") return;
  await recordAudit(client, {
    organizerId: access.organizerId,
    actorUserId: access.userId,
    actorType: "user",
    ...entry,
  });
}
