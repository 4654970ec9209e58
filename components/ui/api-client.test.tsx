// apiFetch's retry after a dropped connection, against the real route handler: the first attempt reaches the
// server and creates the tier, its answer is lost on the way back; the retry carries the same Idempotency-Key
// and gets the first answer instead of creating a second tier.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as eventTiersRoute from "@/app/api/tickets/events/[id]/tiers/route";
import { apiFetch, newIdempotencyKey } from "@/components/ui/api-client";
import { routeContext, TEST_ORIGIN } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/db";
import { createEvent, createOrganizerWithOwner } from "@/lib/testing/factories";

beforeEach(resetDatabase);
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("apiFetch", () => {
  it("sends a write again with the same key after a network failure; the server runs it once", async () => {
    const { organizer, owner } = await createOrganizerWithOwner("the-loft");
    const event = await createEvent(organizer.id);
    const sent: Request[] = [];
    // The browser: same-origin requests carry the session cookie and the app's Origin.
    vi.stubGlobal("fetch", async (path: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      headers.set("cookie", owner.cookie);
      headers.set("origin", TEST_ORIGIN);
      const request = new Request(new URL(path, TEST_ORIGIN), { ...init, headers });
      sent.push(request.clone());
      const response = await eventTiersRoute.POST(request, routeContext({ id: event.id }));
      if (sent.length === 1) throw new TypeError("Failed to fetch");
      return response;
    });
    const tier = await apiFetch<{ id: string; name: string }>(`/api/tickets/events/${event.id}/tiers`, {
      body: { name: "General admission", priceMinor: 2500, capacity: 100, maxPerOrder: 8 },
    });
    expect(tier.name).toBe("General admission");
    expect(sent).toHaveLength(2);
    const keys = sent.map((r) => r.headers.get("idempotency-key"));
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await db.tier.findMany({ select: { id: true } })).toEqual([{ id: tier.id }]);
  });

  it("gives every action its own key, and none to a read", async () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
    const seen: (string | null)[] = [];
    vi.stubGlobal("fetch", async (_path: string, init: RequestInit) => {
      seen.push(new Headers(init.headers).get("idempotency-key"));
      return Response.json({});
    });
    await apiFetch("/api/x");
    await apiFetch("/api/x", { method: "DELETE" });
    await apiFetch("/api/x", { body: {}, idempotencyKey: "repeat-of-an-action" });
    expect(seen[0]).toBeNull();
    expect(seen[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(seen[2]).toBe("repeat-of-an-action");
  });
});
