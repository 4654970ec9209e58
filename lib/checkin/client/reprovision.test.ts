// A phone given another scanner link keeps its unsent scans attributed to the device and event that made
// them: the client code (store, scanner, sync on an in-memory IndexedDB) talks to the real route handlers and
// database through `fetch`.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as provisionRoute from "@/app/api/tickets/checkin/provision/route";
import * as syncRoute from "@/app/api/tickets/checkin/sync/route";
import { routeContext } from "@/lib/auth/testing";
import { REVOKED_DEVICE_MESSAGE } from "@/lib/checkin/contract";
import { createDevice } from "@/lib/checkin/create-device";
import { revokeDevice } from "@/lib/checkin/revoke-device";
import { createCheckinWorld, issueTestTickets } from "@/lib/checkin/testing";
import { db } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/db";
import { Scanner } from "./scanner";
import { adoptDevice, counts, DB_NAME, openStore, pendingScans, type CheckinDb } from "./store";
import { provision, syncDown, syncUp } from "./sync";

const routes: Record<string, { GET?: typeof syncRoute.GET; POST?: typeof syncRoute.POST }> = {
  "/api/tickets/checkin/provision": provisionRoute,
  "/api/tickets/checkin/sync": syncRoute,
};
const realFetch = globalThis.fetch;
/** The device token of every request sent, in order. */
let tokensSent: string[] = [];

beforeEach(async () => {
  await resetDatabase();
  tokensSent = [];
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), "http://localhost:3000"), init);
    tokensSent.push(request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "");
    const handler = routes[new URL(request.url).pathname]?.[request.method as "GET" | "POST"];
    if (!handler) throw new Error(`no route for ${request.method} ${request.url}`);
    return handler(request, routeContext());
  };
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

let stores = 0;
async function phone(): Promise<CheckinDb> {
  return openStore(`${DB_NAME}-reprovision-${++stores}`);
}

/** A scanner link for the event: its token. */
async function link(world: Awaited<ReturnType<typeof createCheckinWorld>>, name: string) {
  const created = await createDevice(
    world.organizer.id,
    world.event.id,
    { name },
    { userId: world.owner.userId },
  );
  return new URL(created.provisioningUrl).searchParams.get("provision") ?? "";
}

/** Opens a scanner link on the phone: provisioning, then the first sync. */
async function openLink(store: CheckinDb, token: string) {
  const device = await provision(token);
  await adoptDevice(store, device);
  await syncDown(store, device);
  return device;
}

async function serverScans() {
  return db.checkin.findMany({
    orderBy: { receivedAt: "asc" },
    select: { ticketId: true, eventId: true, result: true, device: { select: { name: true } } },
  });
}

describe("a phone re-provisioned with unsent scans", () => {
  it("uploads them with the device that made them, to its event, and nothing under the new device", async () => {
    const first = await createCheckinWorld("first-night");
    const second = await createCheckinWorld("second-night");
    const [ticket] = await issueTestTickets(first.event.id, first.tier.id, 1);
    const store = await phone();

    const door1 = await openLink(store, await link(first, "Door 1"));
    // Scanned offline: queued, not uploaded.
    expect(await new Scanner(store, door1).scan(ticket!.secret)).toMatchObject({ outcome: "valid" });
    expect(await pendingScans(store, door1.device.id)).toHaveLength(1);

    const door2 = await openLink(store, await link(second, "Door 2"));
    expect(await counts(store)).toMatchObject({
      pending: 0,
      elsewhere: [{ device: { device: { name: "Door 1" } }, scans: 1 }],
    });
    await syncUp(store, door2);

    expect(await serverScans()).toEqual([
      { ticketId: ticket!.id, eventId: first.event.id, result: "admitted", device: { name: "Door 1" } },
    ]);
    expect(await pendingScans(store, door1.device.id)).toEqual([]);
    expect((await counts(store)).elsewhere).toEqual([]);
    store.close();
  });

  it("keeps and shows the scans of a replaced device whose token was revoked, and does not send them again", async () => {
    const world = await createCheckinWorld("revoked-night");
    const [ticket, other] = await issueTestTickets(world.event.id, world.tier.id, 2);
    const store = await phone();
    const door1 = await openLink(store, await link(world, "Door 1"));
    await new Scanner(store, door1).scan(ticket!.secret);
    await revokeDevice(world.organizer.id, door1.device.id, { userId: world.owner.userId });

    const door3 = await openLink(store, await link(world, "Door 3"));
    tokensSent = [];
    await syncUp(store, door3);
    await syncUp(store, door3);
    expect(tokensSent.filter((t) => t === door1.deviceToken)).toHaveLength(1); // refused once, then not asked
    expect(await serverScans()).toEqual([]);
    expect((await counts(store)).elsewhere).toEqual([
      {
        device: expect.objectContaining({ device: door1.device, refusedMessage: REVOKED_DEVICE_MESSAGE }),
        scans: 1,
      },
    ]);
    // Same event: this phone still knows whom it let in; its new scans go up under Door 3.
    const door3Scanner = new Scanner(store, door3);
    expect(await door3Scanner.scan(ticket!.secret)).toMatchObject({
      outcome: "already_used",
      admittedBy: "Door 1",
    });
    expect(await door3Scanner.scan(other!.secret)).toMatchObject({ outcome: "valid" });
    await syncUp(store, door3);
    expect((await serverScans()).filter((s) => s.result === "admitted")).toEqual([
      { ticketId: other!.id, eventId: world.event.id, result: "admitted", device: { name: "Door 3" } },
    ]);
    store.close();
  });
});
