import "server-only";
import type { Db } from "@/lib/db";
import { getAvailability } from "@/lib/inventory/get-availability";

/**
 * Seats an event has given away: valid tickets plus unexpired, unreleased, unconverted holds, by the one
 * definition in lib/inventory. When the answer decides a write (lowering the cap), call it after taking the
 * event's inventory lock exclusively (lockInventory with eventExclusive), in the same transaction.
 */
export async function countSeatsTaken(client: Db, eventId: string): Promise<number> {
  return (await getAvailability(client, eventId)).event.taken;
}
