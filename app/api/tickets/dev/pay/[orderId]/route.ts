import { z } from "zod";
import { completeTestModePayment } from "@/lib/checkout/test-mode-payment";
import { apiRoute, readJson } from "@/lib/http/route";

const bodySchema = z.object({
  token: z.string().min(1).max(200),
  outcome: z.enum(["pay", "cancel", "fail"]),
});

/** Test mode only (404 with Stripe keys): the built-in payment page's buttons. */
export const POST = apiRoute<{ orderId: string }>(async (request, { params }) => {
  const { orderId } = await params;
  const body = await readJson(request, bodySchema);
  return completeTestModePayment({ orderId, ...body, origin: new URL(request.url).origin });
});
