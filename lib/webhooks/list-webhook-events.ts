// The platform admin's list of stored Stripe events, newest first, filtered by status and type, paged by
// (received_at, id) so a page costs the same however deep it is (index tickets_webhook_events(status,
// received_at) serves the status filter).
import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import {
  WEBHOOK_STATUSES,
  type WebhookEventPage,
  type WebhookEventRow,
} from "@/lib/webhooks/webhook-event-view";

export const PAGE_SIZE = 50;

export const webhookListQuerySchema = z.object({
  status: z.enum(WEBHOOK_STATUSES, { error: "must be pending, processed, ignored or failed" }).optional(),
  type: z
    .string()
    .trim()
    .max(100, { error: "must be at most 100 characters" })
    .optional()
    .transform((v) => v || undefined),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export type WebhookListQuery = z.input<typeof webhookListQuerySchema>;

function encodeCursor(row: { receivedAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.receivedAt.toISOString(), row.id])).toString("base64url");
}

function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const receivedAt = new Date(String(at));
    if (typeof id !== "string" || Number.isNaN(receivedAt.getTime())) throw new Error("bad cursor");
    return { receivedAt, id };
  } catch {
    throw AppError.validation("cursor", "is not a cursor this list gave out");
  }
}

export const webhookRowSelect = {
  id: true,
  type: true,
  account: true,
  livemode: true,
  status: true,
  attempts: true,
  lastError: true,
  receivedAt: true,
  processedAt: true,
} as const;

export function toWebhookEventRow(row: {
  id: string;
  type: string;
  account: string | null;
  livemode: boolean;
  status: WebhookEventRow["status"];
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
  processedAt: Date | null;
}): WebhookEventRow {
  return {
    ...row,
    receivedAt: row.receivedAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
  };
}

export async function listWebhookEvents(input: unknown): Promise<WebhookEventPage> {
  const query = parseInput(webhookListQuerySchema, input);
  const limit = query.limit ?? PAGE_SIZE;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.WebhookEventWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(after
      ? {
          OR: [
            { receivedAt: { lt: after.receivedAt } },
            { receivedAt: after.receivedAt, id: { lt: after.id } },
          ],
        }
      : {}),
  };
  const rows = await db.webhookEvent.findMany({
    where,
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: webhookRowSelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(toWebhookEventRow),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
