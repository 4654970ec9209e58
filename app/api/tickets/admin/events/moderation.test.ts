// Moderation (issue 14 §7): an admin unpublishes an event with a reason (422 without; 404 for non-admins);
// the organizer sees the reason and cannot republish on their own; they edit and "Ask for review" (422
// without a note); the admin sees the appeal in the events list and restores publication or keeps it down.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as appealRoute } from "@/app/api/tickets/events/[id]/appeal/route";
import { POST as publishRoute } from "@/app/api/tickets/events/[id]/publish/route";
import { apiRequest, createUserWithSession, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { getPublicEvent } from "@/lib/events/get-public-event";
import { getEventModeration } from "@/lib/moderation/get-event-moderation";
import { resetDatabase } from "@/lib/testing/db";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";
import { POST as decideRoute } from "./[id]/appeal-decision/route";
import { POST as moderateRoute } from "./[id]/moderate/route";
import { GET as listRoute } from "./route";

const ADMIN = "admin@stagedoor.test";

async function world() {
  const admin = await createUserWithSession(ADMIN);
  const { organizer, owner } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
  const event = await createOnSaleEvent(organizer.id, { title: "Loud Night" });
  await createTier(event.id, { name: "GA" });
  return { admin, organizer, owner, event };
}

const post = (
  handler: typeof moderateRoute,
  path: string,
  id: string,
  cookie: string | undefined,
  body?: unknown,
) =>
  handler(
    apiRequest(path, { method: "POST", cookie, ...(body === undefined ? {} : { body }) }),
    routeContext({ id }),
  );
const moderate = (id: string, cookie: string | undefined, body: unknown) =>
  post(moderateRoute, `/api/tickets/admin/events/${id}/moderate`, id, cookie, body);
const decide = (id: string, cookie: string | undefined, body: unknown) =>
  post(decideRoute, `/api/tickets/admin/events/${id}/appeal-decision`, id, cookie, body);
const appeal = (id: string, cookie: string, body: unknown) =>
  post(appealRoute, `/api/tickets/events/${id}/appeal`, id, cookie, body);
const publish = (id: string, cookie: string) =>
  post(publishRoute, `/api/tickets/events/${id}/publish`, id, cookie);
const list = async (cookie: string, query = "") => {
  const response = await listRoute(
    apiRequest(`/api/tickets/admin/events${query}`, { cookie }),
    routeContext(),
  );
  return {
    status: response.status,
    body: (await response.json()) as { events: { id: string }[]; nextCursor: string | null },
  };
};

describe("admin: event moderation and appeal", () => {
  beforeEach(async () => {
    await resetDatabase();
    vi.stubEnv("ADMIN_EMAILS", ADMIN);
    loadEnv();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  it("404 for non-admins and 422 without a reason; nothing changes", async () => {
    const { admin, owner, event } = await world();
    for (const cookie of [undefined, owner.cookie]) {
      expect((await moderate(event.id, cookie, { reason: "spam" })).status).toBe(404);
      expect((await decide(event.id, cookie, { decision: "restore" })).status).toBe(404);
    }
    const bad = await moderate(event.id, admin.cookie, { reason: "" });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      "reason",
    ]);
    expect((await decide(event.id, admin.cookie, { decision: "maybe" })).status).toBe(422);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("published");
  });

  it("unpublishes with a reason the organizer sees; the organizer cannot republish; appeal; restore", async () => {
    const { admin, organizer, owner, event } = await world();
    const report = await db.eventReport.create({
      data: { eventId: event.id, organizerId: organizer.id, category: "fraud", details: "Fake lineup" },
    });
    const moderated = await moderate(event.id, admin.cookie, { reason: "The lineup is not confirmed" });
    expect(moderated.status).toBe(200);
    expect(await getPublicEvent(event.slug)).toBeNull();
    expect(await getEventModeration(organizer.id, event.id)).toMatchObject({
      status: "draft",
      moderationReason: "The lineup is not confirmed",
      appealedAt: null,
    });
    expect((await db.eventReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("actioned");
    expect((await moderate(event.id, admin.cookie, { reason: "again" })).status).toBe(409);

    const republish = await publish(event.id, owner.cookie);
    expect(republish.status).toBe(409);
    expect(((await republish.json()) as { detail: string }).detail).toMatch(/Ask for review/);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("draft");

    expect((await appeal(event.id, owner.cookie, { note: "" })).status).toBe(422);
    const appealed = await appeal(event.id, owner.cookie, { note: "Removed the unconfirmed acts" });
    expect(appealed.status).toBe(200);
    expect((await appeal(event.id, owner.cookie, { note: "again" })).status).toBe(409);
    // Another organizer cannot appeal (or even see) it.
    const other = await createOrganizerWithOwner();
    expect((await appeal(event.id, other.owner.cookie, { note: "mine" })).status).toBe(404);

    const waiting = await list(admin.cookie, "?status=appealed");
    expect(waiting.body.events.map((e) => e.id)).toEqual([event.id]);
    expect((await list(admin.cookie, "?status=published")).body.events).toEqual([]);
    expect((await list(admin.cookie, "?status=nonsense")).status).toBe(422);

    expect((await decide(event.id, admin.cookie, { decision: "restore" })).status).toBe(200);
    expect(await getPublicEvent(event.slug)).not.toBeNull();
    expect(await getEventModeration(organizer.id, event.id)).toMatchObject({
      status: "published",
      moderatedAt: null,
      appealedAt: null,
    });
    const actions = await db.auditLog.findMany({
      where: { entityType: "event", entityId: event.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorType: true },
    });
    expect(actions).toEqual([
      { action: "tickets.event.moderated", actorType: "admin" },
      { action: "tickets.event.appealed", actorType: "user" },
      { action: "tickets.event.restored", actorType: "admin" },
    ]);
  });

  it("keep down: a new reason, the appeal cleared so the organizer can ask again; still no self-publish", async () => {
    const { admin, organizer, owner, event } = await world();
    await moderate(event.id, admin.cookie, { reason: "Misleading title" });
    await appeal(event.id, owner.cookie, { note: "Renamed it" });
    expect((await decide(event.id, admin.cookie, { decision: "keep_down" })).status).toBe(422);
    expect(
      (await decide(event.id, admin.cookie, { decision: "keep_down", reason: "Still misleading" })).status,
    ).toBe(200);
    expect(await getEventModeration(organizer.id, event.id)).toMatchObject({
      status: "draft",
      moderationReason: "Still misleading",
      appealedAt: null,
    });
    expect((await publish(event.id, owner.cookie)).status).toBe(409);
    expect((await appeal(event.id, owner.cookie, { note: "Renamed it again" })).status).toBe(200);
  });

  it("lists every organizer's events, searchable by title or organizer, paged without gaps", async () => {
    const { admin, event } = await world();
    const other = await createOrganizerWithOwner("b-side");
    await db.organizer.update({ where: { id: other.organizer.id }, data: { name: "B Side Presents" } });
    const created: string[] = [event.id];
    for (let i = 0; i < 55; i++)
      created.push((await createOnSaleEvent(other.organizer.id, { title: `Show ${i}` })).id);
    expect((await list(admin.cookie, "?q=loud")).body.events.map((e) => e.id)).toEqual([event.id]);
    expect((await list(admin.cookie, "?q=b%20side")).body.events).toHaveLength(50);
    const first = await list(admin.cookie);
    expect(first.body.events).toHaveLength(50);
    const second = await list(admin.cookie, `?cursor=${first.body.nextCursor}`);
    expect(second.body.nextCursor).toBeNull();
    const seen = [...first.body.events, ...second.body.events].map((e) => e.id);
    expect(new Set(seen).size).toBe(56);
    expect(seen.sort()).toEqual(created.sort());
    expect((await list(admin.cookie, "?cursor=garbage")).status).toBe(422);
  });
});
