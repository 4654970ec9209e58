import { withAdmin } from "@/lib/auth/with-admin";
import { readQuery } from "@/lib/http/route";
import { listWebhookEvents, webhookListQuerySchema } from "@/lib/webhooks/list-webhook-events";

/** GET ?status&type&cursor (platform admins) → a page of stored Stripe events, newest first. */
export const GET = withAdmin(async (request) =>
  listWebhookEvents(readQuery(request, webhookListQuerySchema)),
);
