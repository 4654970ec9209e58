// Time for holds is the database's clock, never an app server's (DESIGN.md, Inventory): two app instances
// whose clocks differ must agree on whether a hold still holds its seats. So a hold's expiry is written from
// the database's time, and every decision about it (availability, the locked check, the conversion at
// payment, the expiry sweep, a capacity change) compares it with the database's time in the same statement.
// Nothing here reads the app's clock; tests let time pass by moving holds' expiry into the past.
import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";

/**
 * "Now" for every decision about holds: when the current statement started, on the database's clock. It is
 * never later than the statement's snapshot (READ COMMITTED takes one per statement, at its start), so a
 * hold this statement sees lapsed had lapsed before anything the statement cannot see was committed.
 */
export const HOLD_NOW = Prisma.sql`statement_timestamp()`;

/**
 * When a reservation is made: its transaction's start on the database's clock, to the millisecond (the
 * columns' precision), so the order's expiry and its holds' expiry, computed from it apart, agree exactly.
 */
export const RESERVED_AT = Prisma.sql`date_trunc('milliseconds', transaction_timestamp())`;

/** A duration in milliseconds as an SQL interval. */
export function intervalMs(ms: number): Prisma.Sql {
  return Prisma.sql`(${ms}::float8 * interval '1 millisecond')`;
}

/** RESERVED_AT, read in the caller's transaction: the base of the order's expiry (see reserveSeats). */
export async function readReservationTime(tx: Db): Promise<Date> {
  const rows = await tx.$queryRaw<{ at: Date }[]>`SELECT ${RESERVED_AT} AS at`;
  const at = rows[0]?.at;
  if (!at) throw new Error("the database returned no time");
  return at;
}
