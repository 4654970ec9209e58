// events.send-reminders: a periodic sweep that reminds the buyer of every paid order with valid tickets
// for an event starting within the next 24 hours. The window is "starts after now and within the lead", so
// a run that was missed (worker down) is caught up by the next one as long as the event has not started;
// an event that already started gets nothing. Each order is re-checked and claimed in its own transaction
// (sendOrderReminder), so reruns and concurrent workers send one reminder per order.
import "server-only";
import { z } from "zod";
import { db as defaultDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/generated/client";
import { defineJob } from "@/lib/jobs/define-job";
import { REMINDER_LEAD_MS, sendOrderReminder } from "@/lib/reminders/send-order-reminder";

export interface SendEventRemindersResult {
  sent: number;
  errors: string[];
}

/** Sends every due reminder, scanning candidate orders in batches; errors are collected per order. */
export async function sendEventReminders(
  options: { db?: PrismaClient; now?: Date; batchSize?: number } = {},
): Promise<SendEventRemindersResult> {
  const client = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const until = new Date(now.getTime() + REMINDER_LEAD_MS);
  const batchSize = options.batchSize ?? 200;
  const result: SendEventRemindersResult = { sent: 0, errors: [] };
  let after = "";
  for (;;) {
    // Candidates only: sendOrderReminder re-checks each under its order lock before claiming it.
    const candidates = await client.$queryRaw<{ id: string }[]>`
      SELECT o.id FROM tickets_orders o JOIN tickets_events e ON e.id = o.event_id
      WHERE e.status = 'published' AND e.starts_at > ${now} AND e.starts_at <= ${until}
        AND o.status IN ('paid', 'partially_refunded') AND o.id > ${after}
        AND EXISTS (SELECT 1 FROM tickets_tickets t WHERE t.order_id = o.id AND t.status = 'valid')
        AND NOT EXISTS (SELECT 1 FROM tickets_order_notices n
                        WHERE n.order_id = o.id AND n.kind = 'event_reminder')
      ORDER BY o.id LIMIT ${batchSize}`;
    for (const { id } of candidates) {
      try {
        if (await client.$transaction((tx) => sendOrderReminder(tx, id, now))) result.sent += 1;
      } catch (error) {
        result.errors.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const last = candidates.at(-1);
    if (!last || candidates.length < batchSize) return result;
    after = last.id;
  }
}

export const sendEventRemindersJob = defineJob({
  name: "events.send-reminders",
  payload: z.object({}),
  handler: async (_payload, ctx) => {
    const { sent, errors } = await sendEventReminders();
    if (sent > 0 || errors.length > 0)
      ctx.log.info(
        { event: "tickets.events.reminders_sent", sent, errors: errors.length },
        "event reminders",
      );
    // The orders that failed are retried by the next run (their notice row was rolled back with them).
    if (errors.length > 0) throw new Error(`reminders failed for: ${errors.slice(0, 5).join("; ")}`);
  },
});
