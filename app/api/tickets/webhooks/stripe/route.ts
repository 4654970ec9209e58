import { apiRoute } from "@/lib/http/route";
import { handleStripeWebhookRequest, STRIPE_WEBHOOK_MAX_BYTES } from "@/lib/webhooks/receive-stripe-webhook";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Stripe → platform events (STRIPE_WEBHOOK_SECRET). Verified on the raw body, stored, processed by a job. */
export const POST = apiRoute(async (request) => handleStripeWebhookRequest(request, "platform"), {
  maxBodyBytes: STRIPE_WEBHOOK_MAX_BYTES,
  csrf: "none",
});
