// One audit entry per state change. Call it with the transaction client so the entry commits (or rolls
// back) together with the change it records.
import "server-only";
import type { Db, Prisma } from "@/lib/db";

/** "buyer": someone acting through an order's access link (no account). */
export type AuditActorType = "user" | "admin" | "stripe" | "system" | "buyer";

export interface AuditEntry {
  organizerId?: string | null;
  actorUserId?: string | null;
  actorType: AuditActorType;
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
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      data: entry.data ?? {},
    },
  });
}
