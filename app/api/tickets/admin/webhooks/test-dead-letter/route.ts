import { withAdmin } from "@/lib/auth/with-admin";
import { readJson } from "@/lib/http/route";
import { createTestDeadLetter, testDeadLetterSchema } from "@/lib/webhooks/create-test-dead-letter";

/**
 * POST { orderId } (platform admins, Stripe test mode only: 404 with keys) → 201 { eventId }: the pending
 * order's payment event stored dead-lettered, to try the replay on (the e2e journey seeds one this way).
 */
export const POST = withAdmin(
  async (request, { user }) =>
    createTestDeadLetter(await readJson(request, testDeadLetterSchema), { actorUserId: user.id }),
  { status: 201 },
);
