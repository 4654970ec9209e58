import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/http/route";
import { assertDevMailboxEnabled } from "@/lib/email/assert-dev-mailbox-enabled";
import { findMailboxMessages } from "@/lib/email/find-mailbox-messages";

export const dynamic = "force-dynamic";

const querySchema = z.object({ to: z.string().trim().max(320).optional() });

/** The dev mailbox as JSON (end-to-end tests read magic links from here); 404 when DEV_MAILBOX is off. */
export const GET = apiRoute(async (request) => {
  assertDevMailboxEnabled();
  const { to } = readQuery(request, querySchema);
  const messages = await findMailboxMessages({ to });
  return {
    messages: messages.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      template: m.template,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
      text: m.text,
      html: m.html,
    })),
  };
});
