// Reports filed from public event pages, for platform admins: open ones by default, newest first, with the
// event and its organizer, keyset-paged on (created_at, id).
import "server-only";
import { z } from "zod";
import { ADMIN_LIST_LIMIT, cursorParam, encodeAdminListCursor } from "@/lib/admin/admin-list-cursor";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";

export const eventReportQuerySchema = z.object({
  status: z
    .enum(["open", "dismissed", "actioned"], { error: "Choose a status from the list" })
    .default("open"),
  cursor: cursorParam,
});

export interface EventReportRow {
  id: string;
  category: string;
  details: string;
  email: string | null;
  status: "open" | "dismissed" | "actioned";
  createdAt: string;
  resolvedAt: string | null;
  event: {
    id: string;
    title: string;
    slug: string;
    status: string;
    moderatedAt: string | null;
    organizer: { id: string; name: string };
  };
}

export async function listEventReports(
  input: unknown,
): Promise<{ reports: EventReportRow[]; nextCursor: string | null }> {
  const query = parseInput(eventReportQuerySchema, input);
  const rows = await db.eventReport.findMany({
    where: {
      status: query.status,
      ...(query.cursor
        ? {
            OR: [
              { createdAt: { lt: query.cursor.createdAt } },
              { createdAt: query.cursor.createdAt, id: { lt: query.cursor.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ADMIN_LIST_LIMIT + 1,
    select: {
      id: true,
      category: true,
      details: true,
      email: true,
      status: true,
      createdAt: true,
      resolvedAt: true,
      event: {
        select: {
          id: true,
          title: true,
          slug: true,
          status: true,
          moderatedAt: true,
          organizer: { select: { id: true, name: true } },
        },
      },
    },
  });
  const page = rows.slice(0, ADMIN_LIST_LIMIT);
  const last = page[page.length - 1];
  return {
    reports: page.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      event: { ...r.event, moderatedAt: r.event.moderatedAt?.toISOString() ?? null },
    })),
    nextCursor:
      rows.length > ADMIN_LIST_LIMIT && last
        ? encodeAdminListCursor({ createdAt: last.createdAt, id: last.id })
        : null,
  };
}
