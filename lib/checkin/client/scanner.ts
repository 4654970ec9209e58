// A scan from start to queue: dedupe (same code within 2 s), verify locally, record this device's
// admission, queue the scan for upload. Also a ticket found by name or email and checked by hand. Browser
// only.
import {
  loadTickets,
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
    findLocalAdmission: (hash) => db.get("admissions", hash),
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
    if (!state) return null;
    this.contextFor = state;
    this.context = await buildContext(this.db, state);
    return this.context;
  }

  /** null when ignored (the same code again within 2 s, or nothing synced yet). */
  async scan(raw: string, now = Date.now()): Promise<Verdict | null> {
    const code = raw.trim();
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
      scannedAt,
      deviceResult,
      localOutcome: verdict.outcome,
      codeHash: verdict.codeHash ?? null,
      pending: 1,
    };
    const tx = this.db.transaction(["scans", "admissions"], "readwrite");
    void tx.objectStore("scans").put(scan);
    if (deviceResult === "admitted" && verdict.codeHash) {
      void tx.objectStore("admissions").put({
        codeHash: verdict.codeHash,
        at: scannedAt,
        by: this.device.device.name,
        ticketId: verdict.ticketId ?? null,
      });
    }
    await tx.done;
  }
}
