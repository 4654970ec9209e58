// Browser-side multipart upload to POST /api/tickets/uploads; problem+json errors become ApiError.
import { ApiError, sendRequest, type ProblemBody } from "@/components/ui/api-client";

export async function uploadImageFile(fields: {
  file: File;
  kind: "event-cover" | "organizer-logo";
  eventId?: string;
}): Promise<{ url: string }> {
  const form = new FormData();
  form.set("file", fields.file);
  form.set("kind", fields.kind);
  if (fields.eventId) form.set("eventId", fields.eventId);
  // sendRequest adds the Idempotency-Key; a retried FormData gets a new boundary, which the server ignores.
  const response = await sendRequest("/api/tickets/uploads", { method: "POST", body: form });
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new ApiError(
      (data as ProblemBody | undefined) ?? {
        title: "Upload failed",
        status: response.status,
        detail: `The server answered ${response.status}.`,
        code: "internal",
      },
    );
  }
  return data as { url: string };
}
