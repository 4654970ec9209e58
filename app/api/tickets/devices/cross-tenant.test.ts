// Organizer B must not list, create or revoke A's devices, nor read A's check-ins (404, as if they did not
// exist); A's scanner may read check-ins but not manage devices (403); signed out gets 401.
import { beforeEach, describe, expect, it } from "vitest";
import * as revokeRoute from "@/app/api/tickets/devices/[id]/route";
import * as checkinsRoute from "@/app/api/tickets/events/[id]/checkins/route";
import * as devicesRoute from "@/app/api/tickets/events/[id]/devices/route";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { eventCheckinsResponseSchema } from "@/lib/checkin/contract";
import { createCheckinWorld, createTestDevice } from "@/lib/checkin/testing";
import { db } from "@/lib/db";
import { addMember } from "@/lib/testing/factories";
import { resetDatabase } from "@/lib/testing/db";

beforeEach(resetDatabase);

async function world() {
  const a = await createCheckinWorld("org-a");
  const b = await createCheckinWorld("org-b");
  const deviceA = await createTestDevice(a.organizer.id, a.event.id, a.owner.userId, "A door");
  const managerB = await addMember(b.organizer.id, "manager@org-b.example", "manager");
  const scannerA = await addMember(a.organizer.id, "scanner@org-a.example", "scanner");
  return { a, b, deviceA, managerB, scannerA };
}

function calls(eventId: string, deviceId: string, cookie: string | undefined) {
  const ctx = routeContext({ id: eventId });
  return {
    list: () => devicesRoute.GET(apiRequest(`/api/tickets/events/${eventId}/devices`, { cookie }), ctx),
    create: () =>
      devicesRoute.POST(
        apiRequest(`/api/tickets/events/${eventId}/devices`, { cookie, body: { name: "X" } }),
        ctx,
      ),
    revoke: () =>
      revokeRoute.DELETE(
        apiRequest(`/api/tickets/devices/${deviceId}`, { method: "DELETE", cookie }),
        routeContext({ id: deviceId }),
      ),
    checkins: () => checkinsRoute.GET(apiRequest(`/api/tickets/events/${eventId}/checkins`, { cookie }), ctx),
  };
}

describe("check-in admin routes across tenants", () => {
  it("another organizer's manager gets 404 everywhere and changes nothing", async () => {
    const { a, deviceA, managerB } = await world();
    const c = calls(a.event.id, deviceA.id, managerB.cookie);
    for (const [name, call] of Object.entries(c)) {
      const res = await call();
      expect({ name, status: res.status }).toEqual({ name, status: 404 });
    }
    expect(await db.scannerDevice.count({ where: { eventId: a.event.id } })).toBe(1);
    expect((await db.scannerDevice.findUniqueOrThrow({ where: { id: deviceA.id } })).revokedAt).toBeNull();
  });

  it("a scanner may read check-ins but not list, create or revoke devices (403)", async () => {
    const { a, deviceA, scannerA } = await world();
    const c = calls(a.event.id, deviceA.id, scannerA.cookie);
    expect((await c.list()).status).toBe(403);
    expect((await c.create()).status).toBe(403);
    expect((await c.revoke()).status).toBe(403);
    const res = await c.checkins();
    expect(res.status).toBe(200);
    const body = eventCheckinsResponseSchema.parse(await res.json());
    expect(body.devices.map((d) => d.name)).toEqual(["A door"]);
    expect(body.tiers).toEqual([{ id: a.tier.id, name: "GA", admitted: 0, valid: 0 }]);
    expect(await db.scannerDevice.count()).toBe(1);
  });

  it("the owner manages their own devices; signed out is 401", async () => {
    const { a, deviceA } = await world();
    const own = calls(a.event.id, deviceA.id, a.owner.cookie);
    expect((await own.list()).status).toBe(200);
    expect((await own.revoke()).status).toBe(204);
    expect(
      (await db.scannerDevice.findUniqueOrThrow({ where: { id: deviceA.id } })).revokedAt,
    ).not.toBeNull();
    const anon = calls(a.event.id, deviceA.id, undefined);
    for (const call of Object.values(anon)) expect((await call()).status).toBe(401);
  });
});
