import { z } from "zod";
import { parseInput } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { assertDevMailboxEnabled } from "@/lib/email/assert-dev-mailbox-enabled";
import { getMailboxAttachment } from "@/lib/email/get-mailbox-attachment";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({
  id: z.string().min(1).max(64),
  index: z.coerce.number().int().min(0).max(100),
});

/** One attachment of a dev mailbox message, with its own content type; 404 when DEV_MAILBOX is off. */
export const GET = apiRoute<{ id: string; index: string }>(async (_request, { params }) => {
  assertDevMailboxEnabled();
  const { id, index } = parseInput(paramsSchema, await params);
  const attachment = await getMailboxAttachment(id, index);
  const filename = attachment.filename.replace(/["\\\r\n]/g, "_");
  return new Response(attachment.content, {
    headers: {
      "content-type": attachment.contentType,
      "content-disposition": `inline; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      // An attachment is untrusted content on our origin: never let it run scripts there.
      "content-security-policy":
        "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
    },
  });
});
