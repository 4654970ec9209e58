// The check-in API contract, shared by the server (lib/checkin, app/api/tickets/...) and the scanner PWA
// (lib/checkin/client). Pure zod schemas, types and the ticket row helpers: no server imports, safe in the
// browser.
//
// Device endpoints authenticate with `Authorization: Bearer <deviceToken>`. Errors are problem+json
// ({ type, title, status, detail, code }); a revoked or unknown device gets 401 with code `unauthorized`
// and a `detail` to show as is.
import { z } from "zod";
import { isStorableDate } from "@/lib/http/input";

/** Most scans one `POST /api/tickets/checkin/sync` accepts. */
export const MAX_SCANS_PER_UPLOAD = 5_000;
/** Default and largest ticket page of `GET /api/tickets/checkin/sync`. */
export const SYNC_PAGE_SIZE = 20_000;

export const REVOKED_DEVICE_MESSAGE =
  "This device has been revoked. Ask an organizer for a new scanner link.";
export const UNKNOWN_DEVICE_MESSAGE =
  "This scanner is not recognised. Ask an organizer for a new scanner link.";
export const PROVISIONING_LINK_GONE_MESSAGE = "This scanner link was already used or has expired";
export const SCANNING_DISABLED_MESSAGE = "Check-in is turned off on this platform right now.";

export const checkinOutcomeSchema = z.enum(["admitted", "duplicate", "rejected"]);
export type CheckinOutcome = z.infer<typeof checkinOutcomeSchema>;

export const checkinReasonSchema = z.enum([
  "already_redeemed",
  "refunded",
  "void",
  "transferred",
  "disputed",
  "unknown",
  "wrong_event",
  "invalid",
]);
export type CheckinReason = z.infer<typeof checkinReasonSchema>;

// ---------------------------------------------------------------------------------------------------------
// Provisioning (organizer portal → device)
// ---------------------------------------------------------------------------------------------------------

/** POST /api/tickets/events/:id/devices (owner/manager session) */
export const createDeviceRequestSchema = z.object({
  name: z.string().trim().min(1, "is required").max(60, "must be at most 60 characters"),
});
export type CreateDeviceRequest = z.infer<typeof createDeviceRequestSchema>;

/** 201 body of POST /api/tickets/events/:id/devices */
export const createDeviceResponseSchema = z.object({
  device: z.object({ id: z.string(), name: z.string(), createdAt: z.string() }),
  /** `<APP_URL>/tickets/checkin?provision=<token>`; single use, valid 24 h. */
  provisioningUrl: z.string(),
  expiresAt: z.string(),
});
export type CreateDeviceResponse = z.infer<typeof createDeviceResponseSchema>;

export const deviceStatusSchema = z.enum(["pending", "active", "revoked", "expired"]);
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

export const deviceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** pending: link not used yet; expired: link unused and past 24 h; active: provisioned; revoked. */
  status: deviceStatusSchema,
  createdAt: z.string(),
  provisionedAt: z.string().nullable(),
  provisioningExpiresAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  scans: z.object({ total: z.number(), admitted: z.number(), duplicate: z.number(), rejected: z.number() }),
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;

/** GET /api/tickets/events/:id/devices */
export const listDevicesResponseSchema = z.object({ devices: z.array(deviceSummarySchema) });
export type ListDevicesResponse = z.infer<typeof listDevicesResponseSchema>;

/** POST /api/tickets/checkin/provision (public, rate-limited) */
export const provisionRequestSchema = z.object({ token: z.string().min(1).max(200) });
export type ProvisionRequest = z.infer<typeof provisionRequestSchema>;

export const provisionResponseSchema = z.object({
  /** Keep it secret: send as `Authorization: Bearer <deviceToken>`. */
  deviceToken: z.string(),
  device: z.object({ id: z.string(), name: z.string() }),
  event: z.object({ id: z.string(), title: z.string() }),
});
export type ProvisionResponse = z.infer<typeof provisionResponseSchema>;

// ---------------------------------------------------------------------------------------------------------
// Sync down: GET /api/tickets/checkin/sync?format=2&cursor=<opaque>&limit=<n>
// ---------------------------------------------------------------------------------------------------------

/**
 * How code hashes are computed: 2 = sha256 of the code's decoded bytes (1, before it, hashed the text). A
 * scanner sends the format it computes; the server refuses any other, so an out-of-date scanner never mixes
 * hashes of two kinds in its list (it keeps its old list and says to reload).
 */
export const SYNC_FORMAT = 2;
export const OUTDATED_SCANNER_MESSAGE =
  "This scanner app is out of date: reload the page (or reopen the app) to update it.";

export const syncQuerySchema = z.object({
  /** SYNC_FORMAT, which the scanner computes code hashes in. */
  format: z.coerce.number().int().optional(),
  /** Opaque; omit for a full snapshot, or pass the `cursor` of the previous response. */
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(SYNC_PAGE_SIZE).default(SYNC_PAGE_SIZE),
});
export type SyncQuery = z.input<typeof syncQuerySchema>;

/** transferred: sent on to someone else (a new ticket with a new code took its place; this code is revoked). */
export const ticketStatusSchema = z.enum(["valid", "refunded", "void", "transferred"]);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

/**
 * One ticket of a sync page, as a tuple (a full sync carries every ticket of the event: no repeated keys):
 *
 *   [id, tier, holderName, holderEmail, status, disputed, codeHash, admittedAt, admittedBy]
 *
 * - tier: index into the page's `tiers`
 * - codeHash: sha256 of the ticket code's bytes, base64url (see CheckinTicket); the code is never sent
 * - admittedAt / admittedBy: the first admission (any device): ISO time and that device's name
 *
 * Read and write it with `fromSyncTicket` / `toSyncTicket`.
 */
export const syncTicketSchema = z.tuple([
  z.string(),
  z.number().int().min(0),
  z.string().nullable(),
  z.string().nullable(),
  ticketStatusSchema,
  z.boolean(),
  z.string(),
  z.string().nullable(),
  z.string().nullable(),
]);
export type SyncTicket = z.infer<typeof syncTicketSchema>;

/** A sync ticket with names: what the scanner keeps in memory. */
export interface CheckinTicket {
  id: string;
  tierId: string;
  holderName: string | null;
  holderEmail: string | null;
  status: TicketStatus;
  disputed: boolean;
  /** sha256 of the ticket code's 89 decoded bytes, base64url without padding (43 characters). */
  codeHash: string;
  admittedAt: string | null;
  admittedBy: string | null;
}

export function toSyncTicket(t: CheckinTicket, tier: number): SyncTicket {
  return [
    t.id,
    tier,
    t.holderName,
    t.holderEmail,
    t.status,
    t.disputed,
    t.codeHash,
    t.admittedAt,
    t.admittedBy,
  ];
}

/** `tierIds`: the page's tiers (ids), which the row's tier index points into. */
export function fromSyncTicket(row: SyncTicket, tierIds: readonly string[]): CheckinTicket {
  const [id, tier, holderName, holderEmail, status, disputed, codeHash, admittedAt, admittedBy] = row;
  return {
    id,
    tierId: tierIds[tier] ?? "",
    holderName,
    holderEmail,
    status,
    disputed,
    codeHash,
    admittedAt,
    admittedBy,
  };
}

export const revocationSchema = z.object({
  /** sha256 of the dead code's bytes, base64url (as a ticket's codeHash). */
  codeHash: z.string(),
  /** Why the code is dead: refunded, dispute_lost, event_cancelled, transferred, … */
  reason: z.string(),
});
export type Revocation = z.infer<typeof revocationSchema>;

export const syncResponseSchema = z.object({
  /** SYNC_FORMAT of every codeHash in the response. */
  format: z.literal(SYNC_FORMAT),
  event: z.object({
    id: z.string(),
    title: z.string(),
    venueName: z.string(),
    startsAt: z.string(),
    timezone: z.string(),
    status: z.enum(["draft", "published", "cancelled", "archived"]),
  }),
  /** hex of sha256(eventId)[0..6]; compare with bytes 3-8 of a decoded code. */
  eventTag: z.string(),
  /** Raw 32-byte Ed25519 public keys, base64url, by the key id carried in the code. */
  keys: z.array(z.object({ keyId: z.number(), publicKey: z.string() })),
  /** tag = hex of sha256(tierId)[0..4]; compare with bytes 9-12 of a decoded code. A ticket's `tier` is an
   * index into this list. */
  tiers: z.array(z.object({ id: z.string(), name: z.string(), tag: z.string() })),
  tickets: z.array(syncTicketSchema),
  revocations: z.array(revocationSchema),
  /** Pass back as `cursor` to get the next page (when `hasMore`) or, later, what changed since. */
  cursor: z.string(),
  /** True on the first page of a full snapshot (no cursor sent, or the cursor was unusable): clear the local
   * tickets and revocations, then apply this page. Every other page (and every delta) is merged by id. */
  full: z.boolean(),
  /** More tickets are waiting: call again at once with `cursor`. */
  hasMore: z.boolean(),
  serverTime: z.string(),
});
export type SyncResponse = z.infer<typeof syncResponseSchema>;

// ---------------------------------------------------------------------------------------------------------
// Sync up: POST /api/tickets/checkin/sync, and online single scans: POST /api/tickets/tickets/validate
// ---------------------------------------------------------------------------------------------------------

const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine((s) => isStorableDate(new Date(s)), { error: "must be a date between the years 1 and 9999" });

export const scanSchema = z
  .object({
    /** Client-generated, unique per device (crypto.randomUUID()); a repeat returns the earlier result. */
    nonce: z.string().min(8).max(100),
    /** The scanned string exactly as read: a code has one spelling, any other text is invalid (the server
     * does not trim it). */
    code: z.string().max(2_000).optional(),
    /** Instead of `code`: a ticket door staff found by name or email and checked by hand (a manual
     * admission; no code was scanned). */
    ticketId: z.string().min(1).max(100).optional(),
    /** Device time of the scan, ISO 8601. */
    scannedAt: isoDateTime,
    /** What the device showed: admitted means the person went in (the server then never rejects it). */
    deviceResult: checkinOutcomeSchema,
  })
  .refine((s) => (s.code === undefined) !== (s.ticketId === undefined), {
    message: "needs either code or ticketId",
  });
export type Scan = z.infer<typeof scanSchema>;

export const uploadScansRequestSchema = z.object({
  scans: z.array(scanSchema).max(MAX_SCANS_PER_UPLOAD),
  /** `serverTime` of this device's previous upload response; other devices' admissions after it are
   * returned in `recentAdmissions`. Omit on the first upload (the last 15 minutes are returned). */
  since: isoDateTime.optional(),
  /** Revocation cursor (the sync `cursor`); newer revocations are returned. Omit to get none. */
  cursor: z.string().max(500).optional(),
});
export type UploadScansRequest = z.infer<typeof uploadScansRequestSchema>;

export const firstAdmissionSchema = z.object({ scannedAt: z.string(), deviceName: z.string().nullable() });
export type FirstAdmission = z.infer<typeof firstAdmissionSchema>;

export const scanResultSchema = z.object({
  nonce: z.string(),
  outcome: checkinOutcomeSchema,
  reason: checkinReasonSchema.nullable(),
  /** For duplicates: the admission that was kept. */
  firstAdmission: firstAdmissionSchema.nullable(),
  /** The device admitted a ticket the server would have refused (refunded, void, disputed meanwhile): the
   * admission is recorded, and `reason` says why it is flagged. */
  forced: z.boolean(),
  ticketId: z.string().nullable(),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

export const recentAdmissionSchema = z.object({
  ticketId: z.string(),
  scannedAt: z.string(),
  deviceName: z.string().nullable(),
});
export type RecentAdmission = z.infer<typeof recentAdmissionSchema>;

export const uploadScansResponseSchema = z.object({
  results: z.array(scanResultSchema),
  /** Other devices' admissions received since `since`. */
  recentAdmissions: z.array(recentAdmissionSchema),
  /** Revocations after `cursor` (empty when no cursor was sent). */
  revocations: z.array(revocationSchema),
  /** Send back as `since` next time. */
  serverTime: z.string(),
});
export type UploadScansResponse = z.infer<typeof uploadScansResponseSchema>;

/** POST /api/tickets/tickets/validate: one scan, online; the answer is definitive. */
export const validateRequestSchema = z.object({
  code: z.string().max(2_000),
  nonce: z.string().min(8).max(100),
  scannedAt: isoDateTime,
});
export type ValidateRequest = z.infer<typeof validateRequestSchema>;

/** Response of validate: the scan result plus the ticket (for the result screen). */
export const validateResponseSchema = scanResultSchema.extend({
  ticket: z
    .object({
      id: z.string(),
      tierId: z.string(),
      tierName: z.string(),
      holderName: z.string().nullable(),
      status: ticketStatusSchema,
      disputed: z.boolean(),
    })
    .nullable(),
});
export type ValidateResponse = z.infer<typeof validateResponseSchema>;

// ---------------------------------------------------------------------------------------------------------
// Organizer view: GET /api/tickets/events/:id/checkins (owner/manager/scanner session)
// ---------------------------------------------------------------------------------------------------------

export const checkinScanRowSchema = z.object({
  id: z.string(),
  ticketId: z.string().nullable(),
  holderName: z.string().nullable(),
  tierName: z.string().nullable(),
  result: checkinOutcomeSchema,
  reason: z.string().nullable(),
  forced: z.boolean(),
  scannedAt: z.string(),
  receivedAt: z.string(),
  deviceName: z.string().nullable(),
  /** Checked by hand after a lookup by name or email (no code scanned). */
  manual: z.boolean(),
});
export type CheckinScanRow = z.infer<typeof checkinScanRowSchema>;

export const eventCheckinsResponseSchema = z.object({
  event: z.object({ id: z.string(), title: z.string(), timezone: z.string(), startsAt: z.string() }),
  totals: z.object({ admitted: z.number(), valid: z.number() }),
  tiers: z.array(z.object({ id: z.string(), name: z.string(), admitted: z.number(), valid: z.number() })),
  recentScans: z.array(checkinScanRowSchema),
  duplicates: z.array(checkinScanRowSchema.extend({ firstAdmission: firstAdmissionSchema.nullable() })),
  devices: z.array(deviceSummarySchema),
  serverTime: z.string(),
});
export type EventCheckinsResponse = z.infer<typeof eventCheckinsResponseSchema>;
