// A platform admin's "send due reminders now": the same sweep the worker runs every few minutes (each order is
// claimed once, so running it again, or beside the worker, sends nothing twice), audited with its result.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { sendEventReminders, type SendEventRemindersResult } from "@/lib/reminders/send-event-reminders";

export async function runEventReminders(actor: { userId: string }): Promise<SendEventRemindersResult> {
  const result = await sendEventReminders();
  await recordAudit(db, {
    actorUserId: actor.userId,
    actorType: "admin",
    action: "tickets.reminders.run",
    entityType: "platform",
    entityId: "event-reminders",
    data: { sent: result.sent, errors: result.errors.length },
  });
  return result;
}
