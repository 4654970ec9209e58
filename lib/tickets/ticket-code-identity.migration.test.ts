// The migration that re-keys stored ticket identities from the hash of a code's text to the hash of its bytes
// (prisma/migrations/*_ticket_code_identity): tickets sold before it still scan as what they are after it.
// The rows are put back the way the old code wrote them, then the migration's own SQL runs over them. Runs
// on whichever database the suite uses (PostgreSQL 15 with DATABASE_URL, the embedded PGlite without).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { beforeEach, describe, expect, inject, it } from "vitest";
import * as syncRoute from "@/app/api/tickets/checkin/sync/route";
import { routeContext } from "@/lib/auth/testing";
import { codeHashOf } from "@/lib/checkin/client/verify";
import { SYNC_FORMAT, syncResponseSchema, uploadScansResponseSchema } from "@/lib/checkin/contract";
import {
  createCheckinWorld,
  createTestDevice,
  deviceRequest,
  issueTestTickets,
  nonce,
  refundTestTicket,
} from "@/lib/checkin/testing";
import { db } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/db";
import { sha256Hex, ticketSecretHash } from "@/lib/tickets/signing";
import { decodeTicketCode } from "@/lib/tickets/ticket-code";

beforeEach(resetDatabase);

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");
const migrationDir = readdirSync(MIGRATIONS).find((d) => d.endsWith("_ticket_code_identity"));
const migrationSql = readFileSync(path.join(MIGRATIONS, migrationDir ?? "missing", "migration.sql"), "utf8");

async function runMigrationSql() {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    await client.query(migrationSql);
  } finally {
    await client.end();
  }
}

async function upload(token: string, codes: string[], deviceResult = "admitted") {
  const res = await syncRoute.POST(
    deviceRequest("/api/tickets/checkin/sync", token, {
      scans: codes.map((code) => ({
        nonce: nonce(),
        code,
        scannedAt: new Date().toISOString(),
        deviceResult,
      })),
    }),
    routeContext(),
  );
  expect(res.status).toBe(200);
  return uploadScansResponseSchema.parse(await res.json()).results.map((r) => [r.outcome, r.reason]);
}

async function storedHashes(eventId: string) {
  const [tickets, revoked] = await Promise.all([
    db.ticket.findMany({
      where: { eventId },
      select: { id: true, secretHash: true },
      orderBy: { id: "asc" },
    }),
    db.revokedSecret.findMany({ where: { eventId }, select: { ticketId: true, secretHash: true } }),
  ]);
  return { tickets, revoked };
}

describe("migration: ticket identity from the code's bytes", () => {
  it("re-keys tickets and revocations written the old way: they scan and sync as what they are", async () => {
    const { owner, organizer, event, tier } = await createCheckinWorld("migrate");
    const [valid, used, refunded] = await issueTestTickets(event.id, tier.id, 3);
    const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
    expect(await upload(device.token, [used!.secret])).toEqual([["admitted", null]]);
    await refundTestTicket(refunded!, event.id);

    // The rows as the code before this migration wrote them: sha256 of the code's text.
    for (const t of [valid!, used!, refunded!]) {
      await db.ticket.update({ where: { id: t.id }, data: { secretHash: sha256Hex(t.secret) } });
    }
    await db.revokedSecret.updateMany({
      where: { ticketId: refunded!.id },
      data: { secretHash: sha256Hex(refunded!.secret) },
    });
    // Unmigrated, today's code finds none of them by their code.
    expect(await upload(device.token, [valid!.secret], "rejected")).toEqual([["rejected", "unknown"]]);

    await runMigrationSql();
    const migrated = await storedHashes(event.id);
    const expected = new Map(
      [valid!, used!, refunded!].map((t) => [t.id, ticketSecretHash(decodeTicketCode(t.secret)!.bytes)]),
    );
    expect(migrated.tickets).toEqual([...expected].sort().map(([id, secretHash]) => ({ id, secretHash })));
    expect(migrated.revoked).toEqual([{ ticketId: refunded!.id, secretHash: expected.get(refunded!.id) }]);

    expect(await upload(device.token, [valid!.secret, used!.secret])).toEqual([
      ["admitted", null],
      ["duplicate", "already_redeemed"],
    ]);
    expect(await upload(device.token, [refunded!.secret], "rejected")).toEqual([["rejected", "refunded"]]);
    // Scanners get the hashes they compute from a scanned code.
    const res = await syncRoute.GET(
      deviceRequest(`/api/tickets/checkin/sync?format=${SYNC_FORMAT}`, device.token),
      routeContext(),
    );
    const page = syncResponseSchema.parse(await res.json());
    const byId = new Map([valid!, used!, refunded!].map((t) => [t.id, t.secret]));
    for (const row of page.tickets) expect(row[6]).toBe(await codeHashOf(byId.get(row[0]) ?? ""));
    expect(page.revocations).toEqual([{ codeHash: await codeHashOf(refunded!.secret), reason: "refunded" }]);

    // Applied again, it changes nothing.
    await runMigrationSql();
    expect(await storedHashes(event.id)).toEqual(migrated);
  });
});
