// One audit entry per state change. Call it with the transaction client so the entry commits (or rolls
// back) together with the change it records. Actions are stored as `tickets.<noun>.<verb>` (the module's
// namespace, so the log can sit beside a host site's): callers may leave the `tickets.` prefix out.
import "server-only";
import type { Db, Prisma } from "@/lib/db";

/** "buyer": someone acting through an order's access link (no account). "device": a door scanner (check-ins,
 * written by lib/checkin/record-scans.ts in its batch statement). */
export type AuditActorType = "user" | "admin" | "stripe" | "system" | "buyer" | "device";

export interface AuditEntry {
  organizerId?: string | null;
  actorUserId?: string | null;
  actorType: AuditActorType;
  /** `tickets.<noun>.<verb>`, e.g. `tickets.order.paid`; `order.paid` is stored with the prefix added. */
  action: string;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
}

export async function recordAudit(client: Db, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
    data: {
      organizerId: entry.organizerId ?? null,
      actorUserId: entry.actorUserId ?? null,
      actorType: entry.actorType,
      action: auditAction(entry.action),
      entityType: entry.entityType,
      entityId: entry.entityId,
      data: entry.data ?? {},
    },
  });
}

/** The stored spelling of an action: always under the module's `tickets.` namespace. */
export function auditAction(action: string): string {
  return action.startsWith("tickets.") ? action : `tickets.${action}`;
}
