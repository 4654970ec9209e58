// Test helper: the real Stripe webhook routes served over HTTP on a loopback port, as the test-mode payment
// page and refund emitters post to them (point APP_URL or the payment's origin at it).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { POST as connectWebhookRoute } from "@/app/api/tickets/webhooks/stripe-connect/route";
import { POST as webhookRoute } from "@/app/api/tickets/webhooks/stripe/route";
import { routeContext } from "@/lib/auth/testing";

export async function startWebhookBridge(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      const route = req.url?.includes("stripe-connect") ? connectWebhookRoute : webhookRoute;
      const response = await route(request, routeContext());
      res.writeHead(response.status, { "content-type": "application/json" });
      res.end(await response.text());
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The bridge for the enclosing describe: started before its first test and closed after its last. Read
 * `origin` in its tests and beforeEach hooks (it is not known before the bridge has started).
 */
export function withWebhookBridge(): { readonly origin: string } {
  let bridge: Awaited<ReturnType<typeof startWebhookBridge>> | undefined;
  beforeAll(async () => {
    bridge = await startWebhookBridge();
  });
  afterAll(async () => {
    await bridge?.close();
  });
  return {
    get origin() {
      if (!bridge) throw new Error("the webhook bridge has not started yet");
      return bridge.origin;
    },
  };
}
