// The synced ticket list in memory: rebuilt from the store's chunk records on load, then kept up to date as
// sync pages and upload answers arrive. Verification and lookup read it, so a scan never waits for
// IndexedDB. Pure (no IndexedDB here: store.ts persists the chunks), so it also runs in vitest.
import {
  fromSyncTicket,
  toSyncTicket,
  type CheckinTicket,
  type Revocation,
  type SyncTicket,
} from "@/lib/checkin/contract";
import { ticketShortCode } from "@/lib/orders/order-summary";

/** One stored record: a sync page, a batch of changes, or a slice of a compacted list. */
export interface TicketChunk {
  /** Tier ids: a ticket row's tier is an index into this list (as into a sync page's `tiers`). */
  tierIds: string[];
  tickets: SyncTicket[];
  revocations: Revocation[];
}

export function isTicketChunk(value: unknown): value is TicketChunk {
  const v = value as TicketChunk | undefined;
  return (
    typeof v === "object" &&
    v !== null &&
    Array.isArray(v.tierIds) &&
    Array.isArray(v.tickets) &&
    Array.isArray(v.revocations) &&
    v.tickets.every((t) => Array.isArray(t) && t.length === 9 && typeof t[6] === "string")
  );
}

/** A chunk of `tickets` (and `revocations`), with the tier list their rows point into. */
export function toTicketChunk(
  tickets: readonly CheckinTicket[],
  revocations: Revocation[] = [],
): TicketChunk {
  const tierIds: string[] = [];
  const tierIndex = new Map<string, number>();
  const rows = tickets.map((t) => {
    let tier = tierIndex.get(t.tierId);
    if (tier === undefined) {
      tier = tierIds.push(t.tierId) - 1;
      tierIndex.set(t.tierId, tier);
    }
    return toSyncTicket(t, tier);
  });
  return { tierIds, tickets: rows, revocations };
}

export class TicketList {
  private readonly byHash = new Map<string, CheckinTicket>();
  private readonly hashById = new Map<string, string>();
  private readonly revoked = new Map<string, string>();
  /** Lower-cased "name email #shortcode" per ticket, built on the first lookup after a change. */
  private searchable: { text: string; ticket: CheckinTicket }[] | null = null;
  /** Tickets by short code, built on the first use after a change. */
  private byShortCode: Map<string, CheckinTicket[]> | null = null;

  get size(): number {
    return this.byHash.size;
  }

  get revocationCount(): number {
    return this.revoked.size;
  }

  /** Merges a chunk: a ticket replaces the one with the same id (its code may have been reissued). */
  apply(chunk: TicketChunk): void {
    for (const row of chunk.tickets) {
      const ticket = fromSyncTicket(row, chunk.tierIds);
      const previous = this.hashById.get(ticket.id);
      if (previous !== undefined && previous !== ticket.codeHash) this.byHash.delete(previous);
      this.byHash.set(ticket.codeHash, ticket);
      this.hashById.set(ticket.id, ticket.codeHash);
    }
    for (const r of chunk.revocations) this.revoked.set(r.codeHash, r.reason);
    if (chunk.tickets.length > 0) {
      this.searchable = null;
      this.byShortCode = null;
    }
  }

  find(codeHash: string): CheckinTicket | undefined {
    return this.byHash.get(codeHash);
  }

  findById(ticketId: string): CheckinTicket | undefined {
    const hash = this.hashById.get(ticketId);
    return hash === undefined ? undefined : this.byHash.get(hash);
  }

  /** The tickets whose short code (ticketShortCode) is `shortCode`, case-insensitive: one, or rarely more. */
  findByShortCode(shortCode: string): CheckinTicket[] {
    if (!this.byShortCode) {
      this.byShortCode = new Map();
      for (const ticket of this.byHash.values()) {
        const key = ticketShortCode(ticket.id);
        this.byShortCode.set(key, [...(this.byShortCode.get(key) ?? []), ticket]);
      }
    }
    return this.byShortCode.get(shortCode.toUpperCase()) ?? [];
  }

  /** The reason a code is dead (refunded, void, …), or undefined. */
  revocation(codeHash: string): string | undefined {
    return this.revoked.get(codeHash);
  }

  /** Tickets whose holder name, email or short code contains `query` (case-insensitive); short code first. */
  search(query: string, limit = 20): CheckinTicket[] {
    const q = query.trim().toLowerCase();
    if (q.length < 2) return [];
    this.searchable ??= [...this.byHash.values()].map((ticket) => {
      const short = ticketShortCode(ticket.id);
      return {
        text: `${ticket.holderName ?? ""}\n${ticket.holderEmail ?? ""}\n#${short}`.toLowerCase(),
        ticket,
      };
    });
    const code = `#${q.replace(/^#/, "")}`;
    const exact: CheckinTicket[] = [];
    const found: CheckinTicket[] = [];
    for (const { text, ticket } of this.searchable) {
      if (text.endsWith(code)) exact.push(ticket);
      else if (found.length < limit && text.includes(q)) found.push(ticket);
    }
    return [...exact, ...found].slice(0, limit);
  }

  /** Everything, in chunks of at most `size` tickets (the revocations go with the first). */
  toChunks(size: number): TicketChunk[] {
    const tickets = [...this.byHash.values()];
    const revocations = [...this.revoked].map(([codeHash, reason]) => ({ codeHash, reason }));
    const chunks: TicketChunk[] = [];
    for (let i = 0; i === 0 || i < tickets.length; i += size) {
      chunks.push(toTicketChunk(tickets.slice(i, i + size), i === 0 ? revocations : []));
    }
    return chunks;
  }
}
