import { withAdmin } from "@/lib/auth/with-admin";
import { replayWebhookEvent } from "@/lib/webhooks/replay-webhook-event";

/**
 * POST (platform admins) → 202 { eventId, queued }: a dead-lettered event goes back through its handler,
 * once however many times it is replayed (queued: false when it already was). 409 for a processed or
 * ignored event, 404 for an unknown one.
 */
export const POST = withAdmin<{ id: string }>(
  async (_request, { user, params }) => replayWebhookEvent(params.id, { actorUserId: user.id }),
  { status: 202 },
);
