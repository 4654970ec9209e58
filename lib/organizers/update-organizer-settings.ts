// The organizer's own settings an owner changes from the portal; audited with the values before and after.
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";

export const organizerSettingsSchema = z
  .object({
    attachTicketsPdf: z.boolean({ error: "must be true or false" }),
  })
  .partial()
  .strict();

export interface OrganizerSettings {
  attachTicketsPdf: boolean;
}

export async function updateOrganizerSettings(
  actor: { userId: string; organizerId: string },
  input: unknown,
): Promise<OrganizerSettings> {
  const changes = parseInput(organizerSettingsSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.organizer.findUniqueOrThrow({
      where: { id: actor.organizerId },
      select: { attachTicketsPdf: true },
    });
    const after = await tx.organizer.update({
      where: { id: actor.organizerId },
      data: changes,
      select: { attachTicketsPdf: true },
    });
    await recordAudit(tx, {
      organizerId: actor.organizerId,
      actorUserId: actor.userId,
      actorType: "user",
      action: "organizer.settings_updated",
      entityType: "organizer",
      entityId: actor.organizerId,
      data: { before, after },
    });
    return after;
  });
}
