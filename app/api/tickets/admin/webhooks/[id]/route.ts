import { withAdmin } from "@/lib/auth/with-admin";
import { getWebhookEvent } from "@/lib/webhooks/get-webhook-event";

/** GET (platform admins) → one stored Stripe event with its payload. */
export const GET = withAdmin<{ id: string }>(async (_request, { params }) => getWebhookEvent(params.id));
