// The audit log for platform admins: filter by actor (a user's email or id, or an actor type), action
// (a prefix such as `tickets.order.`), target (entity type, entity id) and date range (UTC days), newest
// first with keyset paging on (created_at, id). Platform-wide by design; admin callers only.
import "server-only";
import { z } from "zod";
import { ADMIN_LIST_LIMIT, cursorParam, encodeAdminListCursor } from "@/lib/admin/admin-list-cursor";
import { normalizeEmail } from "@/lib/auth/email";
import { db, type Prisma } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";

const DAY_MS = 24 * 60 * 60 * 1000;
const day = z.iso.date({ error: "Use a date like 2026-12-31" }).optional();
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const auditQuerySchema = z.object({
  actor: text(254),
  action: text(120),
  entityType: text(60),
  entityId: text(200),
  from: day,
  to: day,
  cursor: cursorParam,
});

export interface AuditEntryRow {
  id: string;
  createdAt: string;
  actorType: string;
  actor: { id: string; email: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  organizer: { id: string; name: string } | null;
  data: Prisma.JsonValue;
}

export async function listAuditEntries(
  input: unknown,
): Promise<{ entries: AuditEntryRow[]; nextCursor: string | null }> {
  const query = parseInput(auditQuerySchema, input);
  if (query.from && query.to && query.to < query.from) {
    throw AppError.validation("to", "must be on or after “from”");
  }
  const where: Prisma.AuditLogWhereInput[] = [];
  if (query.actor) {
    if (query.actor.includes("@")) {
      where.push({ actor: { email: normalizeEmail(query.actor) } });
    } else if (["admin", "user", "stripe", "system", "buyer", "device"].includes(query.actor)) {
      where.push({ actorType: query.actor });
    } else {
      where.push({ actorUserId: query.actor });
    }
  }
  if (query.action) where.push({ action: { startsWith: query.action } });
  if (query.entityType) where.push({ entityType: query.entityType });
  if (query.entityId) where.push({ entityId: query.entityId });
  if (query.from) where.push({ createdAt: { gte: new Date(`${query.from}T00:00:00Z`) } });
  if (query.to)
    where.push({ createdAt: { lt: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY_MS) } });
  if (query.cursor) {
    const { createdAt, id } = query.cursor;
    where.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
  }
  const rows = await db.auditLog.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ADMIN_LIST_LIMIT + 1,
    select: {
      id: true,
      createdAt: true,
      actorType: true,
      action: true,
      entityType: true,
      entityId: true,
      data: true,
      actor: { select: { id: true, email: true } },
      organizer: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, ADMIN_LIST_LIMIT);
  const last = page[page.length - 1];
  return {
    entries: page.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    nextCursor:
      rows.length > ADMIN_LIST_LIMIT && last
        ? encodeAdminListCursor({ createdAt: last.createdAt, id: last.id })
        : null,
  };
}
