import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as orderRefundGet, POST as refundRoute } from "@/app/api/tickets/orders/[id]/refund/route";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import type { OrganizerOrderDetail } from "@/lib/refunds/organizer-order-view";
import { createPaidOrder, runJobs, setUpRefundEvent } from "@/lib/refunds/testing";
import { resetDatabase } from "@/lib/testing/db";
import { withWebhookBridge } from "@/lib/testing/webhook-bridge";

describe("a refund's message to the buyer and the team's internal note", () => {
  const bridge = withWebhookBridge();
  afterAll(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv({ APP_URL: bridge.origin });
  });

  it("emails the message, keeps the note for the team (portal and audit log) and out of the email", async () => {
    const { event, ga, owner } = await setUpRefundEvent();
    const order = await createPaidOrder(event.id, [{ tierId: ga.id, quantity: 1 }]);
    const response = await refundRoute(
      apiRequest(`/api/tickets/orders/${order.id}/refund`, {
        cookie: owner.cookie,
        body: { reason: "The show moved to a smaller room", internalNote: "Comped: friend of the band" },
      }),
      routeContext({ id: order.id }),
    );
    expect(response.status).toBe(202);
    await runJobs();

    const detail = (await (
      await orderRefundGet(
        apiRequest(`/api/tickets/orders/${order.id}/refund`, { cookie: owner.cookie }),
        routeContext({ id: order.id }),
      )
    ).json()) as OrganizerOrderDetail;
    expect(detail.refunds.map((r) => [r.status, r.reason, r.internalNote])).toEqual([
      ["succeeded", "The show moved to a smaller room", "Comped: friend of the band"],
    ]);

    const email = await db.emailOutbox.findFirstOrThrow({
      where: { orderId: order.id, template: "refund-issued" },
    });
    expect(email.text).toContain("The show moved to a smaller room");
    expect(email.text).not.toContain("Comped");
    expect(email.html).not.toContain("Comped");

    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "tickets.refund.requested", entityId: order.id },
    });
    expect(audit.data).toMatchObject({ internalNote: "Comped: friend of the band" });
  });

  it("stores no note when it is left blank", async () => {
    const { event, ga, owner } = await setUpRefundEvent();
    const order = await createPaidOrder(event.id, [{ tierId: ga.id, quantity: 1 }]);
    const response = await refundRoute(
      apiRequest(`/api/tickets/orders/${order.id}/refund`, {
        cookie: owner.cookie,
        body: { reason: "Cannot make it", internalNote: "   " },
      }),
      routeContext({ id: order.id }),
    );
    expect(response.status).toBe(202);
    expect((await db.refund.findFirstOrThrow({ where: { orderId: order.id } })).internalNote).toBeNull();
  });
});
