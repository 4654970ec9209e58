import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES, uploadImage } from "@/lib/storage/upload-image";

/** Multipart envelope allowance on top of the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

/** POST multipart { file, kind: event-cover | organizer-logo, eventId? } (owner, manager) → 201 { url }. */
export const POST = withOrganizer(
  ROLES.manage,
  async (request, { user, organizer }) => {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw AppError.validation("file", "is required: send the image as multipart/form-data");
    }
    return uploadImage(
      { organizerId: organizer.id, userId: user.id },
      { file: form.get("file"), kind: form.get("kind"), eventId: form.get("eventId") },
    );
  },
  {
    status: 201,
    maxBodyBytes: MAX_UPLOAD_BYTES + ENVELOPE_BYTES,
    bodyField: "file",
    contentTypes: ["multipart/form-data"],
  },
);
