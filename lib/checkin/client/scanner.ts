// A scan from start to queue: dedupe (same code within 2 s), verify locally, record this device's
// admission, queue the scan for upload. Also a ticket found by name or email and checked by hand, and text
// typed at the box office (a code, or a ticket's short code). Browser only.
import { SYNC_FORMAT } from "@/lib/checkin/contract";
import {
  loadTickets,
  queueScan,
  readSyncState,
  type CheckinDb,
  type DeviceRecord,
  type QueuedScan,
  type SyncState,
} from "./store";
import {
  buildVerifyKeys,
  parseTag,
  verifyCode,
  verifyTicket,
  type LocalTicket,
  type Verdict,
  type VerifyContext,
} from "./verify";

export const DEDUPE_MS = 2_000;

/** What typed text came to: a verdict, or several tickets sharing the short code typed (pick one). */
export type TypedResult =
  { verdict: Verdict; matches?: undefined } | { matches: LocalTicket[]; verdict?: undefined };

/** The short code in typed text ("ZD5X14R8", "#zd5x14r8"), upper-cased; null when it is not one. */
export function parseShortCode(text: string): string | null {
  const match = /^#?([A-Za-z0-9]{8})$/.exec(text);
  return match?.[1] ? match[1].toUpperCase() : null;
}

export async function buildContext(db: CheckinDb, state: SyncState): Promise<VerifyContext> {
  const tiers = state.tiers.map((t) => ({ id: t.id, name: t.name, tag: t.tag.toLowerCase() }));
  return {
    eventTag: parseTag(state.eventTag, 6) ?? new Uint8Array(6),
    keys: await buildVerifyKeys(state.keys),
    tiersByTag: new Map(tiers.map((t) => [t.tag, t])),
    tiersById: new Map(tiers.map((t) => [t.id, t])),
    // The current list (a sync may have replaced it since), in memory.
    findTicket: async (hash) => (await loadTickets(db)).find(hash),
    findRevocation: async (hash) => {
      const reason = (await loadTickets(db)).revocation(hash);
      return reason === undefined ? undefined : { reason };
    },
    findLocalAdmission: async (hash, ticketId) => {
      const tx = db.transaction("admissions", "readonly");
      const [byCode, byTicket] = await Promise.all([
        tx.store.get(hash),
        ticketId === undefined ? undefined : tx.store.index("byTicket").get(ticketId),
      ]);
      return byCode ?? byTicket;
    },
  };
}

export class Scanner {
  private last = new Map<string, number>();
  private context: VerifyContext | null = null;
  private contextFor: SyncState | null = null;

  constructor(
    private readonly db: CheckinDb,
    private readonly device: DeviceRecord,
  ) {}

  /** Forget the cached keys/tiers (after a sync). */
  invalidate() {
    this.context = null;
    this.contextFor = null;
  }

  private async ctx(): Promise<VerifyContext | null> {
    if (this.context) return this.context;
    const state = await readSyncState(this.db);
    // No list yet, or one hashed another way (it is being fetched again): nothing to judge by.
    if (!state || state.format !== SYNC_FORMAT) return null;
    this.contextFor = state;
    this.context = await buildContext(this.db, state);
    return this.context;
  }

  /** A scanned text, exactly as read. null when ignored (the same text within 2 s, or nothing synced yet). */
  async scan(code: string, now = Date.now()): Promise<Verdict | null> {
    const previous = this.last.get(code);
    if (previous !== undefined && now - previous < DEDUPE_MS) return null;
    this.last.set(code, now);
    if (this.last.size > 500) this.last.clear();
    const ctx = await this.ctx();
    if (!ctx) return null;
    const verdict = await verifyCode(code, ctx);
    await this.queue(verdict, { code: code.slice(0, 2_000) }, now);
    return verdict;
  }

  /**
   * Text typed into "Ticket code" (or sent by a keyboard-wedge reader), trimmed: a code is checked as a scan;
   * a ticket's short code (e.g. "ZD5X14R8" or "#zd5x14r8") finds the ticket in the list, which is then
   * checked by hand. Several tickets with that short code: `matches` lists them, none is checked.
   */
  async typed(text: string, now = Date.now()): Promise<TypedResult | null> {
    const input = text.trim();
    const shortCode = parseShortCode(input);
    if (shortCode === null) {
      const verdict = await this.scan(input, now);
      return verdict && { verdict };
    }
    if (!(await this.ctx())) return null;
    const matches = (await loadTickets(this.db)).findByShortCode(shortCode);
    if (matches.length === 1 && matches[0]) {
      const verdict = await this.checkByHand(matches[0], now);
      return verdict && { verdict };
    }
    if (matches.length > 1) return { matches };
    return {
      verdict: {
        outcome: "invalid",
        message: `No ticket #${shortCode} in the synced list — sync, or find it by name`,
      },
    };
  }

  /** A ticket of the list found by name or email: the same checks as a scan, queued by ticket id. */
  async checkByHand(ticket: LocalTicket, now = Date.now()): Promise<Verdict | null> {
    const ctx = await this.ctx();
    if (!ctx) return null;
    const verdict = await verifyTicket(ticket.codeHash, ctx);
    await this.queue(verdict, { code: null, ticketId: ticket.id }, now);
    return verdict;
  }

  /** Queues the scan and, when it let someone in, records this device's admission. */
  private async queue(
    verdict: Verdict,
    what: Pick<QueuedScan, "code" | "ticketId">,
    now: number,
  ): Promise<void> {
    const scannedAt = new Date(now).toISOString();
    const deviceResult =
      verdict.outcome === "valid"
        ? "admitted"
        : verdict.outcome === "already_used"
          ? "duplicate"
          : "rejected";
    const scan: QueuedScan = {
      ...what,
      nonce: crypto.randomUUID(),
      deviceId: this.device.device.id,
      eventId: this.device.event.id,
      scannedAt,
      deviceResult,
      localOutcome: verdict.outcome,
      codeHash: verdict.codeHash ?? null,
      pending: 1,
    };
    await queueScan(
      this.db,
      scan,
      deviceResult === "admitted" && verdict.codeHash
        ? {
            codeHash: verdict.codeHash,
            at: scannedAt,
            by: this.device.device.name,
            ticketId: verdict.ticketId ?? null,
            eventId: this.device.event.id,
          }
        : null,
    );
  }
}
