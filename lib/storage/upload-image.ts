import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import type { EventActor } from "@/lib/events/event-actor";
import { assertEventEditable } from "@/lib/events/event-rules";
import { detectImageType } from "@/lib/storage/detect-image-type";
import { getStorage } from "@/lib/storage/get-storage";
import { IMAGE_CONTENT_TYPES, type Storage } from "@/lib/storage/storage";

export const UPLOAD_KINDS = ["event-cover", "organizer-logo"] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const fieldsSchema = z.object({
  kind: z.enum(UPLOAD_KINDS, { error: "must be event-cover or organizer-logo" }),
  eventId: z.preprocess(
    (v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v),
    z.string().trim().max(64, { error: "is not an event id" }).optional(),
  ),
});

export interface UploadImageInput {
  /** The multipart `file` field: a File (Blob) or anything else, which is refused. */
  file: unknown;
  kind: unknown;
  eventId?: unknown;
}

/**
 * Stores an image for the organizer. The type is decided by the file's magic bytes (PNG, JPEG, WebP, GIF),
 * never by its name or declared type; over 5 MB or not an image → 422 naming `file`. An organizer logo
 * becomes the organizer's logoUrl; an event cover with an eventId becomes that event's coverImageUrl
 * (404 for another organizer's event, checked before anything is stored).
 */
export async function uploadImage(
  actor: EventActor,
  input: UploadImageInput,
  storage: Storage = getStorage(),
): Promise<{ url: string }> {
  const fields = parseInput(fieldsSchema, { kind: input.kind, eventId: input.eventId });
  if (!(input.file instanceof Blob)) throw AppError.validation("file", "is required: choose an image");
  if (input.file.size > MAX_UPLOAD_BYTES) throw AppError.validation("file", "must be at most 5 MB");
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw AppError.validation("file", "must be at most 5 MB");
  const ext = detectImageType(bytes);
  if (!ext) throw AppError.validation("file", "must be a PNG, JPEG, WebP or GIF image");

  const eventId = fields.kind === "event-cover" ? fields.eventId : undefined;
  if (eventId) {
    const event = await db.event.findFirst({
      where: { id: eventId, organizerId: actor.organizerId },
      select: { status: true },
    });
    if (!event) throw AppError.notFound("Event not found.");
    assertEventEditable(event.status);
  }

  const key = `organizers/${actor.organizerId}/${fields.kind}/${randomBytes(16).toString("hex")}.${ext}`;
  const { url } = await storage.put(key, bytes, IMAGE_CONTENT_TYPES[ext]);

  if (fields.kind === "organizer-logo") {
    await db.$transaction(async (tx) => {
      await tx.organizer.update({ where: { id: actor.organizerId }, data: { logoUrl: url } });
      await recordAudit(tx, {
        organizerId: actor.organizerId,
        actorUserId: actor.userId,
        actorType: "user",
        action: "organizer.logo_updated",
        entityType: "organizer",
        entityId: actor.organizerId,
        data: { url },
      });
    });
  } else if (eventId) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.event.updateMany({
        where: { id: eventId, organizerId: actor.organizerId, status: { in: ["draft", "published"] } },
        data: { coverImageUrl: url },
      });
      if (count === 0) throw AppError.conflict("This event can no longer be changed.");
      await recordAudit(tx, {
        organizerId: actor.organizerId,
        actorUserId: actor.userId,
        actorType: "user",
        action: "event.cover_updated",
        entityType: "event",
        entityId: eventId,
        data: { url },
      });
    });
  }
  return { url };
}
