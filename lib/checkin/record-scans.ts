// The heart of sync up: records a batch of scans from one device, in one transaction, with few round trips.
//
//   1. verify every code (one canonical spelling, signature, key, event) in memory; a bad one is `rejected`
//      (invalid, wrong_event); a manual admission names its ticket by id instead (found by name or email);
//   2. find the tickets by the sha256 of the code's bytes, or by id, then lock their rows (`SELECT … FOR UPDATE`, sorted by id, so
//      two batches never deadlock) and, under the locks, read this device's earlier nonces and the tickets'
//      admissions;
//   3. decide each scan in order: a repeated (device, nonce) returns the earlier result; the first admission
//      of a ticket is kept and a later one is `duplicate` (already_redeemed) with the first's time and
//      device; a ticket refunded, void or disputed meanwhile that the device already admitted offline is
//      recorded as admitted with `forced: true` and the reason — never rejected after the fact;
//   4. insert the new check-ins in one statement.
import "server-only";
import { randomUUID } from "node:crypto";
import type { AuthenticatedDevice } from "@/lib/checkin/authenticate-device";
import {
  checkinReasonSchema,
  type CheckinOutcome,
  type CheckinReason,
  type FirstAdmission,
  type ScanResult,
} from "@/lib/checkin/contract";
import { createCodeVerifier, scannedCodeHash, type CodeCheck } from "@/lib/checkin/verify-scan-code";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { busyError, isLockTimeout } from "@/lib/inventory/lock-inventory";

export const CHECKIN_LOCK_TIMEOUT = "5s";

export interface IncomingScan {
  nonce: string;
  /** The scanned string; or, for a manual admission, `ticketId` instead. */
  code?: string;
  ticketId?: string;
  scannedAt: string;
  /**
   * online: a live scan, the server decides (validate endpoint). admitted: the device let the person in
   * offline (never rejected after the fact). refused: the device turned the person away offline.
   */
  mode: "online" | "admitted" | "refused";
}

interface Admission {
  checkinId: string;
  scannedAt: Date;
  deviceName: string | null;
}

/** A scan's ticket (null: no ticket of this event has that code or id), or why its code is refused. */
type Resolved = { ok: true; ticketId: string | null } | { ok: false; reason: "invalid" | "wrong_event" };

interface LockedTicket {
  id: string;
  status: "valid" | "refunded" | "void" | "transferred";
  disputed: boolean;
}

function toReason(value: string | null): CheckinReason | null {
  const parsed = checkinReasonSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function firstAdmissionOf(admission: Admission | undefined): FirstAdmission | null {
  return admission
    ? { scannedAt: admission.scannedAt.toISOString(), deviceName: admission.deviceName }
    : null;
}

export async function recordScans(
  device: AuthenticatedDevice,
  scans: IncomingScan[],
  now = new Date(),
): Promise<ScanResult[]> {
  if (scans.length === 0) return [];
  const event = await db.event.findFirst({
    where: { id: device.eventId, organizerId: device.organizerId },
    select: { id: true, signingKeys: { select: { keyId: true, publicKey: true } } },
  });
  if (!event) throw AppError.notFound("Event not found.");
  // A code names its ticket by sha256 of its bytes; text that is not a code spelt the one canonical way names
  // none (invalid). A code whose hash is one of this event's tickets is exactly a code we issued: no need to
  // check its signature. Only the rest are verified, to tell invalid from wrong_event.
  const unique = new Map<string, { scan: IncomingScan; secretHash: string | null }>();
  for (const scan of scans) {
    if (unique.has(scan.nonce)) continue;
    unique.set(scan.nonce, { scan, secretHash: scan.code === undefined ? null : scannedCodeHash(scan.code) });
  }
  const hashes = [...new Set([...unique.values()].flatMap((u) => (u.secretHash ? [u.secretHash] : [])))];
  const ids = [
    ...new Set(
      [...unique.values()].flatMap((u) => (u.scan.code === undefined ? [u.scan.ticketId ?? ""] : [])),
    ),
  ];
  const found = await db.$queryRaw<{ id: string; secret_hash: string }[]>`
    SELECT id, secret_hash FROM tickets_tickets
    WHERE (secret_hash = ANY(${hashes}::text[]) OR id = ANY(${ids}::text[]))
      AND event_id = ${event.id} AND organizer_id = ${device.organizerId}`;
  const ticketIdByHash = new Map(found.map((t) => [t.secret_hash, t.id]));
  const knownIds = new Set(found.map((t) => t.id));
  let verifyCode: ((code: string) => CodeCheck) | undefined;
  const checks = new Map<string, Resolved>();
  for (const [nonce, { scan, secretHash }] of unique) {
    if (scan.code === undefined) {
      const ticketId = scan.ticketId ?? "";
      checks.set(nonce, { ok: true, ticketId: knownIds.has(ticketId) ? ticketId : null });
      continue;
    }
    const ticketId = secretHash === null ? undefined : ticketIdByHash.get(secretHash);
    if (ticketId !== undefined) {
      checks.set(nonce, { ok: true, ticketId });
    } else if (secretHash === null) {
      checks.set(nonce, { ok: false, reason: "invalid" });
    } else {
      verifyCode ??= createCodeVerifier({ id: event.id, keys: event.signingKeys });
      const check = verifyCode(scan.code);
      checks.set(nonce, check.ok ? { ok: true, ticketId: null } : check);
    }
  }
  const ticketIds = [...knownIds].sort();
  const nonces = [...unique.keys()];

  try {
    return await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${CHECKIN_LOCK_TIMEOUT}'`);
        const locked =
          ticketIds.length === 0
            ? []
            : await tx.$queryRaw<LockedTicket[]>`
                SELECT id, status::text AS status, disputed FROM tickets_tickets
                WHERE id = ANY(${ticketIds}::text[]) AND event_id = ${event.id}
                ORDER BY id FOR UPDATE`;
        const tickets = new Map(locked.map((t) => [t.id, t]));
        const earlier = await tx.$queryRaw<
          {
            nonce: string;
            result: CheckinOutcome;
            reason: string | null;
            forced: boolean;
            ticket_id: string | null;
          }[]
        >`
          SELECT nonce, result::text AS result, reason, forced, ticket_id FROM tickets_checkins
          WHERE device_id = ${device.id} AND nonce = ANY(${nonces}::text[])`;
        const earlierByNonce = new Map(earlier.map((e) => [e.nonce, e]));
        const admissionTicketIds = [
          ...new Set([...ticketIds, ...earlier.flatMap((e) => (e.ticket_id ? [e.ticket_id] : []))]),
        ];
        const admissionRows =
          admissionTicketIds.length === 0
            ? []
            : await tx.$queryRaw<
                { ticket_id: string; id: string; scanned_at: Date; device_name: string | null }[]
              >`
                SELECT DISTINCT ON (c.ticket_id) c.ticket_id, c.id, c.scanned_at, d.name AS device_name
                FROM tickets_checkins c LEFT JOIN tickets_scanner_devices d ON d.id = c.device_id
                WHERE c.ticket_id = ANY(${admissionTicketIds}::text[]) AND c.result = 'admitted'
                ORDER BY c.ticket_id, c.received_at, c.id`;
        const admissions = new Map<string, Admission>(
          admissionRows.map((a) => [
            a.ticket_id,
            { checkinId: a.id, scannedAt: a.scanned_at, deviceName: a.device_name },
          ]),
        );

        const decided = new Map<string, ScanResult>();
        const inserts: {
          ticketId: string | null;
          nonce: string;
          result: CheckinOutcome;
          reason: CheckinReason | null;
          forced: boolean;
          manual: boolean;
          scannedAt: Date;
        }[] = [];
        for (const [nonce, { scan }] of unique) {
          const check: Resolved = checks.get(nonce) ?? { ok: false, reason: "invalid" };
          const previous = earlierByNonce.get(nonce);
          if (previous) {
            decided.set(nonce, {
              nonce,
              outcome: previous.result,
              reason: toReason(previous.reason),
              firstAdmission:
                previous.result === "duplicate" && previous.ticket_id
                  ? firstAdmissionOf(admissions.get(previous.ticket_id))
                  : null,
              forced: previous.forced,
              ticketId: previous.ticket_id,
            });
            continue;
          }
          const scannedAt = new Date(scan.scannedAt);
          let result: ScanResult;
          const ticket = check.ok && check.ticketId ? tickets.get(check.ticketId) : undefined;
          if (!check.ok) {
            result = {
              nonce,
              outcome: "rejected",
              reason: check.reason,
              firstAdmission: null,
              forced: false,
              ticketId: null,
            };
          } else if (!ticket) {
            result = {
              nonce,
              outcome: "rejected",
              reason: "unknown",
              firstAdmission: null,
              forced: false,
              ticketId: null,
            };
          } else {
            const first = admissions.get(ticket.id);
            const refusal: CheckinReason | null =
              ticket.status !== "valid" ? ticket.status : ticket.disputed ? "disputed" : null;
            if (first) {
              result = {
                nonce,
                outcome: "duplicate",
                reason: "already_redeemed",
                firstAdmission: firstAdmissionOf(first),
                forced: scan.mode === "admitted",
                ticketId: ticket.id,
              };
            } else if (refusal === null && scan.mode !== "refused") {
              result = {
                nonce,
                outcome: "admitted",
                reason: null,
                firstAdmission: null,
                forced: false,
                ticketId: ticket.id,
              };
            } else if (refusal !== null && scan.mode === "admitted") {
              // The person is already in: record it, flag it, report it.
              result = {
                nonce,
                outcome: "admitted",
                reason: refusal,
                firstAdmission: null,
                forced: true,
                ticketId: ticket.id,
              };
            } else {
              result = {
                nonce,
                outcome: "rejected",
                reason: refusal,
                firstAdmission: null,
                forced: false,
                ticketId: ticket.id,
              };
            }
            if (result.outcome === "admitted") {
              admissions.set(ticket.id, { checkinId: "", scannedAt, deviceName: device.name });
            }
          }
          decided.set(nonce, result);
          inserts.push({
            ticketId: result.ticketId,
            nonce,
            result: result.outcome,
            reason: result.reason,
            forced: result.forced,
            manual: scan.code === undefined,
            scannedAt,
          });
        }
        if (inserts.length > 0) {
          // One statement for the whole batch; a (device, nonce) inserted meanwhile is left as it is. Each
          // admission it inserts is audited (tickets.ticket.checked_in) by the same statement.
          await tx.$executeRaw`
            WITH inserted AS (
            INSERT INTO tickets_checkins
              (id, event_id, ticket_id, device_id, nonce, result, reason, forced, manual, scanned_at,
               received_at)
            SELECT i.id, ${event.id}, i.ticket_id, ${device.id}, i.nonce, i.result::tickets_checkin_result,
                   i.reason, i.forced, i.manual, i.scanned_at, ${now}
            FROM unnest(
              ${inserts.map(() => randomUUID())}::text[],
              ${inserts.map((i) => i.ticketId)}::text[],
              ${inserts.map((i) => i.nonce)}::text[],
              ${inserts.map((i) => i.result)}::text[],
              ${inserts.map((i) => i.reason)}::text[],
              ${inserts.map((i) => i.forced)}::boolean[],
              ${inserts.map((i) => i.manual)}::boolean[],
              ${inserts.map((i) => i.scannedAt.toISOString())}::timestamptz[]
            ) AS i(id, ticket_id, nonce, result, reason, forced, manual, scanned_at)
            ON CONFLICT (device_id, nonce) DO NOTHING
            RETURNING id, ticket_id, result, forced, manual, scanned_at
            )
            INSERT INTO tickets_audit_log
              (id, organizer_id, actor_type, action, entity_type, entity_id, data, created_at)
            SELECT gen_random_uuid()::text, ${device.organizerId}, 'device', 'tickets.ticket.checked_in',
                   'ticket', c.ticket_id,
                   jsonb_build_object('checkinId', c.id, 'deviceId', ${device.id}::text,
                     'deviceName', ${device.name}::text, 'forced', c.forced, 'manual', c.manual,
                     'scannedAt', c.scanned_at),
                   ${now}
            FROM inserted c WHERE c.result = 'admitted' AND c.ticket_id IS NOT NULL`;
        }
        return scans.map((scan) => decided.get(scan.nonce) as ScanResult);
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    if (isLockTimeout(error)) throw busyError(error);
    throw error;
  }
}
