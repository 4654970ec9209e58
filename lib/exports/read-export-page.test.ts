// Keyset pages against PostgreSQL when the database session is not in UTC (a server or role whose TimeZone is
// the organizer's): the Prisma pg adapter sends a Date as a wall-clock string without a zone and reads a
// timestamptz back without its offset, which agree with each other only in UTC. At a fall-back hour two
// instants share a wall clock, so a cursor written that way lands on the wrong one and skips rows.
import { beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/lib/db";
import type { ExportKind, ExportRecords } from "@/lib/exports/export-rows";
import { readExportPage, type ExportCursor, type ExportPage } from "@/lib/exports/read-export-page";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { resetDatabase } from "@/lib/testing/db";
import { createOrganizerWithOwner } from "@/lib/testing/factories";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";

const globalForDb = globalThis as unknown as { stagedoorDb?: ReturnType<typeof createPrismaClient> };

/** Runs `work` with the app's client swapped for one whose sessions are in `timeZone`. */
async function inSessionTimeZone<T>(timeZone: string, work: () => Promise<T>): Promise<T> {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set("options", `-c TimeZone=${timeZone}`);
  const original = globalForDb.stagedoorDb;
  const zoned = createPrismaClient(url.toString(), 2);
  globalForDb.stagedoorDb = zoned;
  try {
    return await work();
  } finally {
    globalForDb.stagedoorDb = original;
    await zoned.$disconnect();
  }
}

async function readAll<K extends ExportKind>(
  kind: K,
  scope: { organizerId: string; eventId: string },
): Promise<ExportRecords[K][]> {
  const records: ExportRecords[K][] = [];
  let cursor: ExportCursor | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const page: ExportPage<K> = await readExportPage(kind, scope, cursor, 1);
    records.push(...page.records);
    if (page.next === null) return records;
    cursor = page.next;
  }
  throw new Error("more pages than rows");
}

describe("readExportPage in a session that is not in UTC", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("pages orders, attendees and scans across a fall-back hour without skipping a row", async () => {
    const { organizer } = await createOrganizerWithOwner("org-dst");
    const { event, general } = await createPassesEvent(organizer.id);
    // 01:30 PDT, then 01:20 PST: Vancouver's clocks went back at 02:00 PDT on 3 Nov 2030.
    const times = [new Date("2030-11-03T08:30:00Z"), new Date("2030-11-03T09:20:00Z")];
    const orderIds: string[] = [];
    for (const [i, createdAt] of times.entries()) {
      const { order } = await createPassesOrder(event, [{ tier: general, quantity: 1 }], {
        status: "paid",
        buyerEmail: `buyer${i}@example.com`,
      });
      await db.order.update({ where: { id: order.id }, data: { createdAt } });
      const [ticket] = await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
      await db.checkin.create({
        data: {
          eventId: event.id,
          ticketId: ticket!.id,
          nonce: `n${i}`,
          result: "admitted",
          scannedAt: createdAt,
          receivedAt: createdAt,
        },
      });
      orderIds.push(order.id);
    }
    const scope = { organizerId: organizer.id, eventId: event.id };

    // Control: in UTC every row is there.
    expect((await readAll("orders", scope)).map((r) => r.id)).toEqual(orderIds);

    const read = await inSessionTimeZone("America/Vancouver", async () => ({
      orders: await readAll("orders", scope),
      attendees: await readAll("attendees", scope),
      scans: await readAll("scans", scope),
    }));
    expect(read.orders.map((r) => r.id)).toEqual(orderIds);
    expect(read.orders.map((r) => r.createdAt)).toEqual(times);
    expect(read.attendees.map((r) => r.orderId)).toEqual(orderIds);
    expect(read.scans.map((r) => r.receivedAt)).toEqual(times);
  });
});
