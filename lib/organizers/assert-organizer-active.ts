import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The message a buyer or organizer gets while a platform admin has the organizer suspended. */
export const SUSPENDED_SALES_MESSAGE = "Ticket sales for this organizer are paused by the platform.";

/**
 * Refuses (409) when the organizer is suspended. Reads the row FOR SHARE: inside a transaction that then
 * publishes, a concurrent suspension (lockOrganizer) waits for it or is seen, never slips between.
 */
export async function assertOrganizerActive(tx: Db, organizerId: string, message: string): Promise<void> {
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM tickets_organizers WHERE id = ${organizerId} FOR SHARE`;
  if (rows[0]?.status !== "active") throw AppError.conflict(message);
}
