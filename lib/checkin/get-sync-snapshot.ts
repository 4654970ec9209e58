// Sync down for a scanner device: event, keys, tiers, tickets (hash only, never the code) and revocations,
// paged by ticket id so 100,000 tickets come in a few quick pages of compact rows (~140 bytes a ticket). See
// contract.ts (syncResponseSchema).
import "server-only";
import type { AuthenticatedDevice } from "@/lib/checkin/authenticate-device";
import { codeHashFromSecretHash } from "@/lib/checkin/code-hash";
import {
  OUTDATED_SCANNER_MESSAGE,
  SYNC_FORMAT,
  SYNC_PAGE_SIZE,
  toSyncTicket,
  type Revocation,
  type SyncResponse,
  type SyncTicket,
  type TicketStatus,
} from "@/lib/checkin/contract";
import {
  CURSOR_VERSION,
  decodeSyncCursor,
  encodeSyncCursor,
  type SyncCursor,
} from "@/lib/checkin/sync-cursor";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { tag } from "@/lib/tickets/signing";

/** Deltas re-send what changed this long before the previous chain started (late-committing writes). */
export const SYNC_OVERLAP_MS = 60_000;

interface TicketRow {
  id: string;
  tier_id: string;
  holder_name: string | null;
  holder_email: string | null;
  status: TicketStatus;
  disputed: boolean;
  secret_hash: string;
  admitted_at: Date | null;
  admitted_by: string | null;
}

export function hexTag(id: string, length: number): string {
  return Buffer.from(tag(id, length)).toString("hex");
}

export async function getSyncSnapshot(
  device: AuthenticatedDevice,
  options: { format?: number; cursor?: string; limit?: number } = {},
): Promise<SyncResponse> {
  // A scanner hashing codes another way would mix two kinds of hashes in its list: it must update first.
  if (options.format !== SYNC_FORMAT) throw AppError.conflict(OUTDATED_SCANNER_MESSAGE);
  const limit = Math.min(Math.max(1, options.limit ?? SYNC_PAGE_SIZE), SYNC_PAGE_SIZE);
  const previous = decodeSyncCursor(options.cursor);
  const [{ now }] = (await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`) as [{ now: Date }];
  const cursor: SyncCursor = previous
    ? previous.a === null
      ? { ...previous, u: now.toISOString() } // a new delta chain starts now
      : previous
    : { v: CURSOR_VERSION, s: null, u: now.toISOString(), a: null, r: "0" };
  const full = previous === null;

  const event = await db.event.findFirst({
    where: { id: device.eventId, organizerId: device.organizerId },
    select: {
      id: true,
      title: true,
      venueName: true,
      startsAt: true,
      timezone: true,
      status: true,
      signingKeys: { orderBy: { keyId: "asc" }, select: { keyId: true, publicKey: true } },
      tiers: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } },
    },
  });
  if (!event) throw AppError.notFound("Event not found.");

  const since = cursor.s === null ? null : new Date(Date.parse(cursor.s) - SYNC_OVERLAP_MS);
  const changed =
    since === null
      ? Prisma.empty
      : Prisma.sql`AND (t.updated_at >= ${since} OR t.id IN (
          SELECT c.ticket_id FROM tickets_checkins c
          WHERE c.event_id = ${event.id} AND c.received_at >= ${since} AND c.result = 'admitted'
            AND c.ticket_id IS NOT NULL))`;
  const after = cursor.a === null ? Prisma.empty : Prisma.sql`AND t.id > ${cursor.a}`;
  const ticketLimit = cursor.t ? 0 : limit + 1;
  const [rows, revocationRows] = await Promise.all([
    db.$queryRaw<TicketRow[]>`
      SELECT t.id, t.tier_id, t.holder_name, t.holder_email, t.status::text AS status, t.disputed,
             t.secret_hash, a.scanned_at AS admitted_at, a.device_name AS admitted_by
      FROM tickets_tickets t
      LEFT JOIN LATERAL (
        SELECT c.scanned_at, d.name AS device_name
        FROM tickets_checkins c LEFT JOIN tickets_scanner_devices d ON d.id = c.device_id
        WHERE c.ticket_id = t.id AND c.result = 'admitted'
        ORDER BY c.received_at, c.id LIMIT 1
      ) a ON TRUE
      WHERE t.event_id = ${event.id} AND t.organizer_id = ${device.organizerId} ${changed} ${after}
      ORDER BY t.id
      LIMIT ${ticketLimit}`,
    db.$queryRaw<{ id: bigint; secret_hash: string; reason: string }[]>`
      SELECT id, secret_hash, reason FROM tickets_revoked_secrets
      WHERE event_id = ${event.id} AND id > ${BigInt(cursor.r)}
      ORDER BY id
      LIMIT ${limit + 1}`,
  ]);

  const moreTickets = rows.length > limit;
  const moreRevocations = revocationRows.length > limit;
  const pageRows = moreTickets ? rows.slice(0, limit) : rows;
  const pageRevocations = moreRevocations ? revocationRows.slice(0, limit) : revocationRows;
  const tierIndex = new Map(event.tiers.map((t, i) => [t.id, i]));
  const tickets: SyncTicket[] = pageRows.map((t) => {
    const tier = tierIndex.get(t.tier_id);
    if (tier === undefined) throw new Error(`ticket ${t.id}: tier ${t.tier_id} is not one of the event's`);
    return toSyncTicket(
      {
        id: t.id,
        tierId: t.tier_id,
        holderName: t.holder_name,
        holderEmail: t.holder_email,
        status: t.status,
        disputed: t.disputed,
        codeHash: codeHashFromSecretHash(t.secret_hash),
        admittedAt: t.admitted_at?.toISOString() ?? null,
        admittedBy: t.admitted_by,
      },
      tier,
    );
  });
  const revocations: Revocation[] = pageRevocations.map((r) => ({
    codeHash: codeHashFromSecretHash(r.secret_hash),
    reason: r.reason,
  }));
  const lastRevocation = pageRevocations.at(-1)?.id.toString() ?? cursor.r;
  const lastTicket = pageRows.at(-1)?.id ?? cursor.a;
  const hasMore = moreTickets || moreRevocations;
  const next: SyncCursor = hasMore
    ? { ...cursor, a: lastTicket ?? null, r: lastRevocation, t: cursor.t === true || !moreTickets }
    : { v: CURSOR_VERSION, s: cursor.u, u: cursor.u, a: null, r: lastRevocation };

  return {
    format: SYNC_FORMAT,
    event: {
      id: event.id,
      title: event.title,
      venueName: event.venueName,
      startsAt: event.startsAt.toISOString(),
      timezone: event.timezone,
      status: event.status,
    },
    eventTag: hexTag(event.id, 6),
    keys: event.signingKeys,
    tiers: event.tiers.map((t) => ({ id: t.id, name: t.name, tag: hexTag(t.id, 4) })),
    tickets,
    revocations,
    cursor: encodeSyncCursor(next),
    full: full,
    hasMore,
    serverTime: now.toISOString(),
  };
}
