// Organizer B's manager must not see or touch organizer A's events (404, as if they did not exist); A's
// scanner may not use any organizer events route (403); nobody signed out gets anywhere (401).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import * as archiveRoute from "@/app/api/tickets/events/[id]/archive/route";
import * as publishRoute from "@/app/api/tickets/events/[id]/publish/route";
import * as eventRoute from "@/app/api/tickets/events/[id]/route";
import * as unpublishRoute from "@/app/api/tickets/events/[id]/unpublish/route";
import * as eventsRoute from "@/app/api/tickets/events/route";
import * as uploadsRoute from "@/app/api/tickets/uploads/route";
import { apiRequest, routeContext, TEST_ORIGIN } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { createEvent } from "@/lib/events/create-event";
import { publishEvent } from "@/lib/events/publish-event";
import { eventFormInput } from "@/lib/events/testing";
import { addMember, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";
import { resetDatabase } from "@/lib/testing/db";

// Uploads (if any got through) go to a scratch folder, never the repository's .data.
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "stagedoor-cross-tenant-"));
loadEnv();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

function uploadRequest(cookie: string | undefined, fields: Record<string, string>): Request {
  const form = new FormData();
  form.set("file", new File([PNG], "cover.png", { type: "image/png" }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Request("http://localhost:3000/api/tickets/uploads", {
    method: "POST",
    headers: cookie ? { cookie, origin: TEST_ORIGIN } : {},
    body: form,
  });
}

async function world() {
  const a = await createOrganizerWithOwner("org-a", { chargesEnabled: true });
  const b = await createOrganizerWithOwner("org-b", { chargesEnabled: true });
  const actorA = { organizerId: a.organizer.id, userId: a.owner.userId };
  const draft = await createEvent(actorA, eventFormInput({ slug: "a-draft" }));
  const published = await createEvent(actorA, eventFormInput({ slug: "a-published" }));
  await createTier(draft.id);
  await createTier(published.id);
  await publishEvent(actorA, published.id);
  const managerB = await addMember(b.organizer.id, "manager@org-b.example", "manager");
  const scannerA = await addMember(a.organizer.id, "scanner@org-a.example", "scanner");
  return { a, b, draft, published, managerB, scannerA };
}

/** Every organizer events route, called for event `id` by the holder of `cookie`. */
function everyRoute(id: string, cookie: string | undefined) {
  const ctx = routeContext({ id });
  return {
    "GET /events": () => eventsRoute.GET(apiRequest("/api/tickets/events", { cookie }), routeContext()),
    "POST /events": () =>
      eventsRoute.POST(apiRequest("/api/tickets/events", { cookie, body: eventFormInput() }), routeContext()),
    "GET /events/:id": () => eventRoute.GET(apiRequest(`/api/tickets/events/${id}`, { cookie }), ctx),
    "PATCH /events/:id": () =>
      eventRoute.PATCH(
        apiRequest(`/api/tickets/events/${id}`, { method: "PATCH", cookie, body: { title: "Hijacked" } }),
        ctx,
      ),
    "POST /events/:id/publish": () =>
      publishRoute.POST(apiRequest(`/api/tickets/events/${id}/publish`, { method: "POST", cookie }), ctx),
    "POST /events/:id/unpublish": () =>
      unpublishRoute.POST(apiRequest(`/api/tickets/events/${id}/unpublish`, { method: "POST", cookie }), ctx),
    "POST /events/:id/archive": () =>
      archiveRoute.POST(apiRequest(`/api/tickets/events/${id}/archive`, { method: "POST", cookie }), ctx),
    "POST /uploads (event-cover)": () =>
      uploadsRoute.POST(uploadRequest(cookie, { kind: "event-cover", eventId: id }), routeContext()),
  };
}

beforeEach(async () => {
  await resetDatabase();
});

describe("cross-tenant: organizer events", () => {
  it("B's manager gets 404 reading, updating, publishing, unpublishing, archiving or covering A's events", async () => {
    const { draft, published, managerB } = await world();
    const before = await db.event.findMany({ orderBy: { id: "asc" } });
    for (const event of [draft, published]) {
      const routes = everyRoute(event.id, managerB.cookie);
      for (const name of [
        "GET /events/:id",
        "PATCH /events/:id",
        "POST /events/:id/publish",
        "POST /events/:id/unpublish",
        "POST /events/:id/archive",
        "POST /uploads (event-cover)",
      ] as const) {
        const response = await routes[name]();
        expect(response.status, `${name} on ${event.slug}`).toBe(404);
        expect(response.headers.get("content-type")).toBe("application/problem+json");
      }
    }
    // Nothing of A's changed, and A's events are not in B's list.
    expect(await db.event.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    const list = await everyRoute(draft.id, managerB.cookie)["GET /events"]();
    expect(((await list.json()) as { events: unknown[] }).events).toEqual([]);
  });

  it("B's manager cannot reach A by naming A in the organizer header either (404)", async () => {
    const { a, draft, managerB } = await world();
    const response = await eventRoute.GET(
      apiRequest(`/api/tickets/events/${draft.id}`, {
        cookie: managerB.cookie,
        headers: { "x-organizer-id": a.organizer.id },
      }),
      routeContext({ id: draft.id }),
    );
    expect(response.status).toBe(404);
  });

  it("A's scanner gets 403 on every organizer events route", async () => {
    const { draft, scannerA } = await world();
    const before = await db.event.count();
    for (const [name, call] of Object.entries(everyRoute(draft.id, scannerA.cookie))) {
      const response = await call();
      expect(response.status, name).toBe(403);
    }
    expect(await db.event.count()).toBe(before);
    expect((await db.event.findUniqueOrThrow({ where: { id: draft.id } })).coverImageUrl).toBeNull();
  });

  it("signed out gets 401 on every organizer events route", async () => {
    const { draft } = await world();
    for (const [name, call] of Object.entries(everyRoute(draft.id, undefined))) {
      const response = await call();
      expect(response.status, name).toBe(401);
    }
  });

  it("control: A's owner gets through on the same routes", async () => {
    const { a, draft } = await world();
    const response = await everyRoute(draft.id, a.owner.cookie)["GET /events/:id"]();
    expect(response.status).toBe(200);
  });
});
