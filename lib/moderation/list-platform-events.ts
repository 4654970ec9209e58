// Every event on the platform, for platform admins: search by title or organizer name, filter by status or
// by moderation state ("moderated", "appealed": waiting for review), newest first with keyset paging on
// (created_at, id). Platform-wide by design; admin callers only.
import "server-only";
import { z } from "zod";
import { ADMIN_LIST_LIMIT, cursorParam, encodeAdminListCursor } from "@/lib/admin/admin-list-cursor";
import { db, type Prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";

export const PLATFORM_EVENT_FILTERS = [
  "draft",
  "published",
  "cancelled",
  "archived",
  "moderated",
  "appealed",
] as const;
export type PlatformEventFilter = (typeof PLATFORM_EVENT_FILTERS)[number];

export const platformEventQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(PLATFORM_EVENT_FILTERS, { error: "Choose a status from the list" }).optional(),
  cursor: cursorParam,
});

export interface PlatformEventRow {
  id: string;
  title: string;
  slug: string;
  status: "draft" | "published" | "cancelled" | "archived";
  startsAt: string;
  timezone: string;
  organizer: { id: string; name: string; status: "active" | "suspended" };
  moderationReason: string | null;
  moderatedAt: string | null;
  appealNote: string | null;
  appealedAt: string | null;
  openReports: number;
  createdAt: string;
}

export interface PlatformEventPage {
  events: PlatformEventRow[];
  nextCursor: string | null;
}

export async function listPlatformEvents(input: unknown): Promise<PlatformEventPage> {
  const query = parseInput(platformEventQuerySchema, input);
  const where: Prisma.EventWhereInput[] = [];
  if (query.q) {
    where.push({
      OR: [
        { title: { contains: query.q, mode: "insensitive" } },
        { organizer: { name: { contains: query.q, mode: "insensitive" } } },
      ],
    });
  }
  if (query.status === "moderated") where.push({ moderatedAt: { not: null } });
  else if (query.status === "appealed") where.push({ appealedAt: { not: null } });
  else if (query.status) where.push({ status: query.status });
  if (query.cursor) {
    const { createdAt, id } = query.cursor;
    where.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
  }
  const rows = await db.event.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ADMIN_LIST_LIMIT + 1,
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      startsAt: true,
      timezone: true,
      moderationReason: true,
      moderatedAt: true,
      appealNote: true,
      appealedAt: true,
      createdAt: true,
      organizer: { select: { id: true, name: true, status: true } },
      _count: { select: { reports: { where: { status: "open" } } } },
    },
  });
  const page = rows.slice(0, ADMIN_LIST_LIMIT);
  const last = page[page.length - 1];
  return {
    events: page.map((e) => ({
      id: e.id,
      title: e.title,
      slug: e.slug,
      status: e.status,
      startsAt: e.startsAt.toISOString(),
      timezone: e.timezone,
      organizer: e.organizer,
      moderationReason: e.moderationReason,
      moderatedAt: e.moderatedAt?.toISOString() ?? null,
      appealNote: e.appealNote,
      appealedAt: e.appealedAt?.toISOString() ?? null,
      openReports: e._count.reports,
      createdAt: e.createdAt.toISOString(),
    })),
    nextCursor:
      rows.length > ADMIN_LIST_LIMIT && last
        ? encodeAdminListCursor({ createdAt: last.createdAt, id: last.id })
        : null,
  };
}
