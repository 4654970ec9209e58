import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface LockedOrganizer {
  id: string;
  status: "active" | "suspended";
  suspensionReason: string | null;
}

/**
 * Locks an organizer row for a status change (FOR NO KEY UPDATE) and reads it; 404 when it does not exist.
 * Publishing reads the status FOR SHARE (assertOrganizerActive), so a suspension and a publish are ordered.
 */
export async function lockOrganizer(tx: Db, organizerId: string): Promise<LockedOrganizer> {
  const rows = await tx.$queryRaw<
    { id: string; status: "active" | "suspended"; suspension_reason: string | null }[]
  >`
    SELECT id, status::text AS status, suspension_reason FROM tickets_organizers
    WHERE id = ${organizerId} FOR NO KEY UPDATE`;
  const row = rows[0];
  if (!row) throw AppError.notFound("Organizer not found.");
  return { id: row.id, status: row.status, suspensionReason: row.suspension_reason };
}
