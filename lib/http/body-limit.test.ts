// Oversize bodies are a 413 before parsing: a declared Content-Length is refused unread, and a chunked body
// is cancelled as soon as it passes the route's limit (a 200 MB stream is never read to the end).
import { beforeEach, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/tickets/auth/[...nextauth]/route";
import * as magicLinkRoute from "@/app/api/tickets/auth/magic-link/route";
import * as syncRoute from "@/app/api/tickets/checkin/sync/route";
import * as checkoutRoute from "@/app/api/tickets/checkout/session/route";
import * as eventsRoute from "@/app/api/tickets/events/route";
import * as webhookRoute from "@/app/api/tickets/webhooks/stripe/route";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { createCheckinWorld, createTestDevice } from "@/lib/checkin/testing";
import { db } from "@/lib/db";
import { DEFAULT_MAX_BODY_BYTES } from "@/lib/http/route";
import { resetDatabase } from "@/lib/testing/db";
import { createOrganizerWithOwner } from "@/lib/testing/factories";

const MB = 1024 * 1024;

/** A body of `totalBytes` made on demand in 64 KB chunks, counting how much was pulled. */
function streamedBody(totalBytes: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= totalBytes) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

function post(path: string, body: BodyInit, headers: Record<string, string> = {}): Request {
  const base = apiRequest(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
  });
  return new Request(base.url, {
    method: "POST",
    headers: base.headers,
    body,
    duplex: "half",
  } as RequestInit);
}

async function expect413(response: Response, field = "body") {
  expect(response.status).toBe(413);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await response.json()) as { code: string; errors: { field: string }[] };
  expect(problem.code).toBe("payload_too_large");
  expect(problem.errors.map((e) => e.field)).toEqual([field]);
}

beforeEach(resetDatabase);

describe("request body limits", () => {
  it("answers a streamed 200 MB body 413 quickly, having read little more than the limit", async () => {
    const { owner } = await createOrganizerWithOwner("big-loft");
    const { stream, pulled } = streamedBody(200 * MB);
    const started = performance.now();
    const response = await eventsRoute.POST(
      post("/api/tickets/events", stream, { cookie: owner.cookie }),
      routeContext(),
    );
    await expect413(response);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(pulled.bytes).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES + 128 * 1024);
    expect(await db.event.count()).toBe(0);
  });

  it("refuses a declared 200 MB Content-Length without reading the body", async () => {
    const { stream, pulled } = streamedBody(200 * MB);
    const response = await checkoutRoute.POST(
      post("/api/tickets/checkout/session", stream, { "content-length": String(200 * MB) }),
      routeContext(),
    );
    await expect413(response);
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("applies each route's limit: 64 KB for JSON, 8 MB for scan uploads, 2 MB for Stripe webhooks, Auth.js too", async () => {
    const justOver = `{"email":"${"a".repeat(DEFAULT_MAX_BODY_BYTES)}"}`;
    await expect413(
      await magicLinkRoute.POST(post("/api/tickets/auth/magic-link", justOver), routeContext()),
    );
    await expect413(
      await authRoute.POST(
        post("/api/tickets/auth/signin/email", `email=${"a".repeat(DEFAULT_MAX_BODY_BYTES)}`, {
          "content-type": "application/x-www-form-urlencoded",
        }),
      ),
    );
    await expect413(
      await webhookRoute.POST(
        post("/api/tickets/webhooks/stripe", streamedBody(3 * MB).stream),
        routeContext(),
      ),
    );

    // A 1 MB scan upload is within the scanner's limit (and then refused for its content, not its size).
    const { owner, organizer, event } = await createCheckinWorld("sync-loft");
    const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
    const auth = { authorization: `Bearer ${device.token}` };
    const oneMb = JSON.stringify({ scans: [], padding: "x".repeat(MB) });
    expect(
      (await syncRoute.POST(post("/api/tickets/checkin/sync", oneMb, auth), routeContext())).status,
    ).toBe(200);
    await expect413(
      await syncRoute.POST(
        post("/api/tickets/checkin/sync", streamedBody(9 * MB).stream, auth),
        routeContext(),
      ),
    );
  });
});
