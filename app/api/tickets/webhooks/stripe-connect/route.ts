import { apiRoute } from "@/lib/http/route";
import { handleStripeWebhookRequest, STRIPE_WEBHOOK_MAX_BYTES } from "@/lib/webhooks/receive-stripe-webhook";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Stripe → Connect events from organizers' accounts (STRIPE_CONNECT_WEBHOOK_SECRET, else the platform one). */
export const POST = apiRoute(async (request) => handleStripeWebhookRequest(request, "connect"), {
  maxBodyBytes: STRIPE_WEBHOOK_MAX_BYTES,
  csrf: "none",
});
