import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { AppError } from "@/lib/errors";
import { apiRoute, readJson } from "@/lib/http/route";
import { assertStripeTestMode, completeTestOnboarding } from "@/lib/payments/complete-test-onboarding";
import { PAYMENTS_PAGE_PATH } from "@/lib/payments/onboarding-urls";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ organizerId: z.string().min(1).max(100) });

const completeForOwner = withOrganizer(ROLES.owner, async (request, { user, organizer }) => {
  const { organizerId } = await readJson(request, bodySchema);
  if (organizerId !== organizer.id) {
    throw AppError.conflict(
      `This page was opened for another organizer than the one you are acting for (${organizer.name}). Switch organizer and start again from the Payments page.`,
    );
  }
  await completeTestOnboarding(organizer.id, user.id);
  return { redirectTo: PAYMENTS_PAGE_PATH };
});

/**
 * POST `{ organizerId }` → connects the organizer to a test-mode account. Exists only in Stripe test mode
 * (404 when Stripe keys are configured); the owner role is checked here again, whatever the page showed.
 */
export const POST = apiRoute(async (request, context) => {
  assertStripeTestMode();
  return completeForOwner(request, context);
});
