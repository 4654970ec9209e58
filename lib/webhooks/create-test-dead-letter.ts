// Test mode only (404 with Stripe keys): stores the checkout.session.completed event the test-mode payment
// page would send for a pending order, already dead-lettered (failed, no job), as if every processing attempt
// had failed. It lets an admin (and the e2e journey) try the replay on a real-looking dead letter; nothing
// here touches the order: the replay does, through the real handler.
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertTestModePayments } from "@/lib/checkout/test-mode-payment";
import {
  buildTestModeCheckoutEvent,
  testModeCheckoutOrderSelect,
} from "@/lib/checkout/test-mode-checkout-event";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { processStripeEventJob } from "@/lib/webhooks/process-stripe-event";

export const testDeadLetterSchema = z.object({
  orderId: z.string({ error: "is required" }).trim().min(1, { error: "is required" }).max(64),
});

export const SIMULATED_FAILURE =
  "Simulated failure (test mode): the order's processing failed on every attempt.";

export async function createTestDeadLetter(
  input: unknown,
  options: { actorUserId: string },
): Promise<{ eventId: string }> {
  assertTestModePayments();
  const { orderId } = parseInput(testDeadLetterSchema, input);
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: orderId },
      select: { ...testModeCheckoutOrderSelect, organizerId: true, status: true },
    });
    if (!order) throw AppError.notFound("Order not found.");
    if (order.status !== "pending" || !order.stripeCheckoutSessionId) {
      throw AppError.conflict(
        "Only an order waiting for its test-mode payment can get a dead-lettered payment.",
      );
    }
    const event = buildTestModeCheckoutEvent(
      { ...order, stripeCheckoutSessionId: order.stripeCheckoutSessionId },
      "pay",
    );
    await tx.webhookEvent.create({
      data: {
        id: event.eventId,
        type: event.type,
        account: event.endpoint === "connect" ? order.stripeAccountId : null,
        livemode: false,
        payload: JSON.parse(event.payload) as object,
        status: "failed",
        attempts: processStripeEventJob.maxAttempts ?? 8,
        lastError: SIMULATED_FAILURE,
      },
    });
    await recordAudit(tx, {
      organizerId: order.organizerId,
      actorUserId: options.actorUserId,
      actorType: "admin",
      action: "tickets.webhook.test_dead_letter_created",
      entityType: "webhook_event",
      entityId: event.eventId,
      data: { orderId: order.id, type: event.type },
    });
    return { eventId: event.eventId };
  });
}
