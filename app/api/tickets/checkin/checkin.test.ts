// Check-in API end to end through the route handlers: provisioning, device auth, sync down, sync up.
import { beforeEach, describe, expect, it } from "vitest";
import * as provisionRoute from "@/app/api/tickets/checkin/provision/route";
import * as syncRoute from "@/app/api/tickets/checkin/sync/route";
import * as devicesRoute from "@/app/api/tickets/events/[id]/devices/route";
import * as revokeRoute from "@/app/api/tickets/devices/[id]/route";
import * as validateRoute from "@/app/api/tickets/tickets/validate/route";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { codeHashFromSecretHash } from "@/lib/checkin/code-hash";
import {
  fromSyncTicket,
  OUTDATED_SCANNER_MESSAGE,
  REVOKED_DEVICE_MESSAGE,
  SYNC_FORMAT,
  syncResponseSchema,
  uploadScansResponseSchema,
  validateResponseSchema,
  type SyncResponse,
} from "@/lib/checkin/contract";
import {
  createCheckinWorld,
  createTestDevice,
  deviceRequest,
  issueTestTickets,
  nonce,
  refundTestTicket,
} from "@/lib/checkin/testing";
import { db } from "@/lib/db";
import { createTier } from "@/lib/testing/factories";
import { encodeSyncCursor } from "@/lib/checkin/sync-cursor";
import { getOrCreateEventKey, signTicketCode, ticketSecretHash } from "@/lib/tickets/signing";
import { otherSpellings } from "@/lib/tickets/testing/code-spellings";
import { joinCode, decodeTicketCode } from "@/lib/tickets/ticket-code";
import { resetDatabase } from "@/lib/testing/db";

beforeEach(resetDatabase);

async function createLink(eventId: string, cookie: string, name = "Door 1") {
  const res = await devicesRoute.POST(
    apiRequest(`/api/tickets/events/${eventId}/devices`, { cookie, body: { name } }),
    routeContext({ id: eventId }),
  );
  expect(res.status).toBe(201);
  return (await res.json()) as { device: { id: string }; provisioningUrl: string; expiresAt: string };
}

function provision(token: string) {
  return provisionRoute.POST(
    apiRequest("/api/tickets/checkin/provision", { body: { token } }),
    routeContext(),
  );
}

async function syncDown(token: string, cursor?: string, limit?: number): Promise<SyncResponse> {
  const qs = new URLSearchParams({ format: String(SYNC_FORMAT) });
  if (cursor) qs.set("cursor", cursor);
  if (limit) qs.set("limit", String(limit));
  const res = await syncRoute.GET(deviceRequest(`/api/tickets/checkin/sync?${qs}`, token), routeContext());
  expect(res.status).toBe(200);
  return syncResponseSchema.parse(await res.json());
}

/** A page's ticket rows, with names. */
const ticketsOf = (page: SyncResponse) =>
  page.tickets.map((row) =>
    fromSyncTicket(
      row,
      page.tiers.map((t) => t.id),
    ),
  );

async function upload(token: string, scans: object[], extra: object = {}) {
  const res = await syncRoute.POST(
    deviceRequest("/api/tickets/checkin/sync", token, { scans, ...extra }),
    routeContext(),
  );
  expect(res.status).toBe(200);
  return uploadScansResponseSchema.parse(await res.json());
}

/** One live scan through POST /api/tickets/tickets/validate. */
const validate = (token: string, code: string) =>
  validateRoute.POST(
    deviceRequest("/api/tickets/tickets/validate", token, {
      code,
      nonce: nonce(),
      scannedAt: new Date().toISOString(),
    }),
    routeContext(),
  );

const scan = (code: string, deviceResult = "admitted", at = new Date().toISOString()) => ({
  nonce: nonce(),
  code,
  scannedAt: at,
  deviceResult,
});

describe("provisioning", () => {
  it("exchanges a link once for a device token; a reused or expired link is 404", async () => {
    const { owner, event } = await createCheckinWorld("prov");
    const link = await createLink(event.id, owner.cookie);
    expect(link.provisioningUrl).toMatch(/\/tickets\/checkin\?provision=[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const token = new URL(link.provisioningUrl).searchParams.get("provision") ?? "";

    const first = await provision(token);
    expect(first.status).toBe(200);
    const body = (await first.json()) as {
      deviceToken: string;
      device: { id: string };
      event: { id: string };
    };
    expect(body.device.id).toBe(link.device.id);
    expect(body.event.id).toBe(event.id);
    expect((await syncDown(body.deviceToken)).event.id).toBe(event.id);

    const again = await provision(token);
    expect(again.status).toBe(404);
    expect(((await again.json()) as { detail: string }).detail).toBe(
      "This scanner link was already used or has expired",
    );

    const expiring = await createLink(event.id, owner.cookie, "Door 2");
    const token2 = new URL(expiring.provisioningUrl).searchParams.get("provision") ?? "";
    await db.scannerDevice.update({
      where: { id: expiring.device.id },
      data: { provisioningExpiresAt: new Date(Date.now() - 1000) },
    });
    expect((await provision(token2)).status).toBe(404);
    expect((await provision("not-a-real-token-at-all")).status).toBe(404);

    const list = await devicesRoute.GET(
      apiRequest(`/api/tickets/events/${event.id}/devices`, { cookie: owner.cookie }),
      routeContext({ id: event.id }),
    );
    const { devices } = (await list.json()) as { devices: { id: string; status: string }[] };
    expect(Object.fromEntries(devices.map((d) => [d.id, d.status]))).toEqual({
      [link.device.id]: "active",
      [expiring.device.id]: "expired",
    });
  });

  it("a revoked device gets 401 with the message on sync (both ways) and validate", async () => {
    const { owner, organizer, event, tier } = await createCheckinWorld("revoke");
    const [ticket] = await issueTestTickets(event.id, tier.id, 1);
    const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
    expect((await syncDown(device.token)).tickets).toHaveLength(1);
    const del = await revokeRoute.DELETE(
      apiRequest(`/api/tickets/devices/${device.id}`, { method: "DELETE", cookie: owner.cookie }),
      routeContext({ id: device.id }),
    );
    expect(del.status).toBe(204);

    const responses = [
      await syncRoute.GET(deviceRequest("/api/tickets/checkin/sync", device.token), routeContext()),
      await syncRoute.POST(
        deviceRequest("/api/tickets/checkin/sync", device.token, { scans: [scan(ticket!.secret)] }),
        routeContext(),
      ),
      await validate(device.token, ticket!.secret),
    ];
    for (const res of responses) {
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ code: "unauthorized", detail: REVOKED_DEVICE_MESSAGE });
    }
    expect(await db.checkin.count()).toBe(0);
    const noToken = await syncRoute.GET(apiRequest("/api/tickets/checkin/sync"), routeContext());
    expect(noToken.status).toBe(401);
  });
});

describe("sync down", () => {
  it("sends a full snapshot in pages, then only changes; a refund shows as a revocation and a status", async () => {
    const { owner, organizer, event, tier } = await createCheckinWorld("sync");
    const vip = await createTier(event.id, { name: "VIP" });
    const tickets = [
      ...(await issueTestTickets(event.id, tier.id, 4)),
      ...(await issueTestTickets(event.id, vip.id, 1)),
    ];
    const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");

    const page1 = await syncDown(device.token, undefined, 3);
    expect(page1.full).toBe(true);
    expect(page1.hasMore).toBe(true);
    expect(page1.tickets).toHaveLength(3);
    const page2 = await syncDown(device.token, page1.cursor, 3);
    expect(page2.full).toBe(false);
    expect(page2.hasMore).toBe(false);
    const all = [...ticketsOf(page1), ...ticketsOf(page2)];
    expect(new Set(all.map((t) => t.id))).toEqual(new Set(tickets.map((t) => t.id)));
    const byId = new Map(tickets.map((t) => [t.id, t]));
    for (const t of all) {
      const issued = byId.get(t.id);
      expect(t.codeHash).toBe(codeHashFromSecretHash(issued?.secretHash ?? ""));
      expect(t.codeHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(t.tierId).toBe(issued?.tierId);
      expect(t).toMatchObject({ status: "valid", disputed: false, admittedAt: null, admittedBy: null });
    }
    expect(page1.eventTag).toMatch(/^[0-9a-f]{12}$/);
    expect(page1.tiers.map((t) => t.name).sort()).toEqual(["GA", "VIP"]);
    expect(page1.tiers.every((t) => /^[0-9a-f]{8}$/.test(t.tag))).toBe(true);
    expect(page1.keys).toHaveLength(1);
    const key = await db.signingKey.findFirstOrThrow({ where: { eventId: event.id } });
    expect(page1.keys[0]?.publicKey).toBe(key.publicKey);
    // No ticket code and no private key anywhere in the payload.
    const raw = JSON.stringify([page1, page2]);
    for (const t of tickets) expect(raw).not.toContain(t.secret);
    expect(raw).not.toContain(key.privateKey);

    // Nothing changed: the delta is empty (the overlap window re-sends recent changes, so age them first).
    await db.ticket.updateMany({
      where: { eventId: event.id },
      data: { updatedAt: new Date(Date.now() - 3600_000) },
    });
    const quiet = await syncDown(device.token, page2.cursor);
    expect(quiet.full).toBe(false);
    expect(quiet.tickets).toEqual([]);
    expect(quiet.revocations).toEqual([]);

    const refunded = tickets[1]!;
    await refundTestTicket(refunded, event.id);
    const delta = await syncDown(device.token, quiet.cursor);
    expect(delta.full).toBe(false);
    expect(ticketsOf(delta).map((t) => [t.id, t.status])).toEqual([[refunded.id, "refunded"]]);
    expect(delta.revocations).toEqual([
      { codeHash: codeHashFromSecretHash(refunded.secretHash), reason: "refunded" },
    ]);

    // An admission on another device is a change too (admittedAt / admittedBy).
    await db.ticket.updateMany({
      where: { eventId: event.id },
      data: { updatedAt: new Date(Date.now() - 3600_000) },
    });
    const other = await createTestDevice(organizer.id, event.id, owner.userId, "Door 2");
    await upload(other.token, [scan(tickets[0]!.secret)]);
    const afterScan = await syncDown(device.token, delta.cursor);
    expect(afterScan.revocations).toEqual([]);
    expect(afterScan.tickets).toHaveLength(1);
    expect(ticketsOf(afterScan)[0]).toMatchObject({ id: tickets[0]!.id, admittedBy: "Door 2" });
    expect(ticketsOf(afterScan)[0]?.admittedAt).not.toBeNull();

    // A garbage cursor, or one from before code hashes were of the bytes, starts over with a full snapshot.
    const reset = await syncDown(device.token, "garbage");
    expect(reset.full).toBe(true);
    expect(reset.tickets).toHaveLength(5);
    expect(reset.revocations).toHaveLength(1);
    const textHashCursor = encodeSyncCursor({
      v: 1,
      s: null,
      u: new Date().toISOString(),
      a: null,
      r: "0",
    } as never);
    expect((await syncDown(device.token, textHashCursor)).full).toBe(true);
  });

  it("refuses a scanner that hashes codes another way (sends no or another format): it must update first", async () => {
    const { owner, organizer, event, tier } = await createCheckinWorld("format");
    await issueTestTickets(event.id, tier.id, 1);
    const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
    for (const qs of ["", "?format=1"]) {
      const res = await syncRoute.GET(
        deviceRequest(`/api/tickets/checkin/sync${qs}`, device.token),
        routeContext(),
      );
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ code: "conflict", detail: OUTDATED_SCANNER_MESSAGE });
    }
    expect((await syncDown(device.token)).format).toBe(SYNC_FORMAT);
  });
});

describe("sync up", () => {
  it("is idempotent per nonce; the first admission is kept, a second device's is a duplicate", async () => {
    const { owner, organizer, event, tier } = await createCheckinWorld("dupes");
    const [ticket] = await issueTestTickets(event.id, tier.id, 1);
    const door1 = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
    const door2 = await createTestDevice(organizer.id, event.id, owner.userId, "Door 2");
    const first = scan(ticket!.secret, "admitted", "2030-12-27T20:01:00.000Z");

    const r1 = await upload(door1.token, [first]);
    expect(r1.results).toEqual([
      {
        nonce: first.nonce,
        outcome: "admitted",
        reason: null,
        firstAdmission: null,
        forced: false,
        ticketId: ticket!.id,
      },
    ]);
    const replay = await upload(door1.token, [first]);
    expect(replay.results).toEqual(r1.results);
    expect(await db.checkin.count()).toBe(1);

    const second = scan(ticket!.secret, "admitted", "2030-12-27T20:05:00.000Z");
    const r2 = await upload(door2.token, [second]);
    expect(r2.results[0]).toMatchObject({
      outcome: "duplicate",
      reason: "already_redeemed",
      firstAdmission: { scannedAt: "2030-12-27T20:01:00.000Z", deviceName: "Door 1" },
    });
    expect(r2.recentAdmissions).toEqual([
      { ticketId: ticket!.id, scannedAt: "2030-12-27T20:01:00.000Z", deviceName: "Door 1" },
    ]);
    // The duplicate's replay gives the same answer, first admission included.
    expect((await upload(door2.token, [second])).results).toEqual(r2.results);
    const rows = await db.checkin.findMany({
      orderBy: { receivedAt: "asc" },
      select: { result: true, deviceId: true },
    });
    expect(rows).toEqual([
      { result: "admitted", deviceId: door1.id },
      { result: "duplicate", deviceId: door2.id },
    ]);
    // Door 2 let its holder in offline, so Door 1 hears of that admission too ("possible duplicate" on
    // both doors); the same nonce on another device is another scan.
    const r3 = await upload(door1.token, [{ ...second }]);
    expect(r3.results[0]?.outcome).toBe("duplicate");
    expect(r3.recentAdmissions).toEqual([
      { ticketId: ticket!.id, scannedAt: "2030-12-27T20:05:00.000Z", deviceName: "Door 2" },
    ]);
  });

  it("records a ticket checked by hand (found by name, sent by id) as a manual admission", async () => {
    const { owner, organizer, event, tier } = await createCheckinWorld("manual");
    const [ticket, refunded] = await issueTestTickets(event.id, tier.id, 2);
    await refundTestTicket(refunded!, event.id);
    const otherEvent = await createCheckinWorld("manual-elsewhere");
    const [foreign] = await issueTestTickets(otherEvent.event.id, otherEvent.tier.id, 1);
    const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
    const byHand = (ticketId: string, deviceResult = "admitted") => ({
      nonce: nonce(),
      ticketId,
      scannedAt: new Date().toISOString(),
      deviceResult,
    });

    const admit = byHand(ticket!.id);
    const res = await upload(device.token, [
      admit,
      byHand(refunded!.id, "rejected"),
      byHand(foreign!.id),
      scan(ticket!.secret),
    ]);
    expect(res.results.map((r) => [r.outcome, r.reason, r.ticketId])).toEqual([
      ["admitted", null, ticket!.id],
      ["rejected", "refunded", refunded!.id],
      ["rejected", "unknown", null],
      ["duplicate", "already_redeemed", ticket!.id],
    ]);
    const rows = await db.checkin.findMany({
      where: { eventId: event.id },
      orderBy: { receivedAt: "asc" },
      select: { nonce: true, manual: true, result: true },
    });
    expect(rows.find((r) => r.nonce === admit.nonce)).toEqual({
      nonce: admit.nonce,
      manual: true,
      result: "admitted",
    });
    expect(rows.filter((r) => r.manual)).toHaveLength(3);
    expect(await db.checkin.count({ where: { eventId: otherEvent.event.id } })).toBe(0);

    // Either a code or a ticket id, never both or neither.
    for (const bad of [
      { ...admit, code: ticket!.secret },
      { ...admit, ticketId: undefined },
    ]) {
      const response = await syncRoute.POST(
        deviceRequest("/api/tickets/checkin/sync", device.token, { scans: [{ ...bad, nonce: nonce() }] }),
        routeContext(),
      );
      expect(response.status).toBe(422);
    }
  });

  it("a code has one spelling: any other spelling of a valid, a used and a refunded code is invalid", async () => {
    const { owner, organizer, event, tier } = await createCheckinWorld("spellings");
    const [valid, used, refunded] = await issueTestTickets(event.id, tier.id, 3);
    await refundTestTicket(refunded!, event.id);
    const door = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
    expect((await upload(door.token, [scan(used!.secret)])).results[0]?.outcome).toBe("admitted");

    for (const ticket of [valid!, used!, refunded!]) {
      const spellings = otherSpellings(ticket.secret);
      for (const deviceResult of ["admitted", "rejected"]) {
        const res = await upload(
          door.token,
          spellings.map((code) => scan(code, deviceResult)),
        );
        expect(res.results.map((r) => [r.outcome, r.reason, r.ticketId, r.forced])).toEqual(
          spellings.map(() => ["rejected", "invalid", null, false]),
        );
      }
      for (const code of spellings) {
        const online = await validate(door.token, code);
        expect(validateResponseSchema.parse(await online.json())).toMatchObject({
          outcome: "rejected",
          reason: "invalid",
          ticket: null,
        });
      }
    }
    // No spelling touched a ticket: one admission (the real code's), and the valid ticket is still unused.
    expect(await db.checkin.count({ where: { ticketId: { not: null } } })).toBe(1);
    expect((await upload(door.token, [scan(valid!.secret)])).results[0]?.outcome).toBe("admitted");
    expect((await upload(door.token, [scan(used!.secret, "rejected")])).results[0]?.reason).toBe(
      "already_redeemed",
    );
    expect((await upload(door.token, [scan(refunded!.secret, "rejected")])).results[0]?.reason).toBe(
      "refunded",
    );
    // Identity is the hash of the code's bytes, as stored.
    for (const t of [valid!, used!, refunded!]) {
      expect(t.secretHash).toBe(ticketSecretHash(decodeTicketCode(t.secret)!.bytes));
    }
  });

  it("rejects forged and unreadable codes as invalid and another event's code as wrong_event", async () => {
    const { owner, organizer, event, tier } = await createCheckinWorld("forged");
    const [ticket] = await issueTestTickets(event.id, tier.id, 1);
    const otherEvent = await createCheckinWorld("elsewhere");
    const [foreign] = await issueTestTickets(otherEvent.event.id, otherEvent.tier.id, 1);
    const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");

    const decoded = decodeTicketCode(ticket!.secret)!;
    const badSignature = new Uint8Array(decoded.signature);
    badSignature[0] = (badSignature[0] ?? 0) ^ 1;
    const forged = joinCode(decoded.signed, badSignature);
    // A code with this event's tag, signed by a key that is not the event's.
    const wrongKey = await getOrCreateEventKey(db, {
      id: otherEvent.event.id,
      organizerId: otherEvent.organizer.id,
    });
    const selfSigned = signTicketCode(wrongKey, { eventId: event.id, tierId: tier.id });

    const res = await upload(device.token, [
      scan(forged),
      scan(selfSigned.secret),
      scan("https://example.com/not-a-ticket"),
      scan(foreign!.secret),
      scan(ticket!.secret),
    ]);
    expect(res.results.map((r) => [r.outcome, r.reason])).toEqual([
      ["rejected", "invalid"],
      ["rejected", "invalid"],
      ["rejected", "invalid"],
      ["rejected", "wrong_event"],
      ["admitted", null],
    ]);
    // Nothing was written against the other event's ticket.
    expect(await db.checkin.count({ where: { ticketId: foreign!.id } })).toBe(0);

    const online = await validate(device.token, foreign!.secret);
    expect(validateResponseSchema.parse(await online.json())).toMatchObject({
      outcome: "rejected",
      reason: "wrong_event",
      ticket: null,
    });
  });

  it("records an offline admission of a since-refunded ticket as forced and reports it; online refuses it", async () => {
    const { owner, organizer, event, tier } = await createCheckinWorld("forced");
    const [refunded, voidLater] = await issueTestTickets(event.id, tier.id, 2);
    const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
    const cursor = (await syncDown(device.token)).cursor;
    await refundTestTicket(refunded!, event.id);

    const offline = scan(refunded!.secret, "admitted");
    const res = await upload(device.token, [offline], { cursor });
    expect(res.results[0]).toMatchObject({ outcome: "admitted", reason: "refunded", forced: true });
    expect(res.revocations).toEqual([
      { codeHash: codeHashFromSecretHash(refunded!.secretHash), reason: "refunded" },
    ]);
    const row = await db.checkin.findFirstOrThrow({ where: { nonce: offline.nonce } });
    expect(row).toMatchObject({
      result: "admitted",
      forced: true,
      reason: "refunded",
      ticketId: refunded!.id,
    });

    await db.ticket.update({ where: { id: voidLater!.id }, data: { status: "void" } });
    const live = await validate(device.token, voidLater!.secret);
    expect(validateResponseSchema.parse(await live.json())).toMatchObject({
      outcome: "rejected",
      reason: "void",
      forced: false,
      ticket: { id: voidLater!.id, status: "void", tierName: "GA" },
    });
  });

  it("answers 503 feature_disabled on every check-in route when TICKETING_SCANNING is off", async () => {
    const { owner, organizer, event } = await createCheckinWorld("flag");
    const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
    const { loadEnv } = await import("@/lib/env");
    process.env.TICKETING_SCANNING = "false";
    loadEnv();
    try {
      const responses = [
        await syncRoute.GET(deviceRequest("/api/tickets/checkin/sync", device.token), routeContext()),
        await provision("whatever-token"),
        await devicesRoute.GET(
          apiRequest(`/api/tickets/events/${event.id}/devices`, { cookie: owner.cookie }),
          routeContext({ id: event.id }),
        ),
      ];
      for (const res of responses) {
        expect(res.status).toBe(503);
        expect(await res.json()).toMatchObject({ code: "feature_disabled" });
      }
    } finally {
      delete process.env.TICKETING_SCANNING;
      loadEnv();
    }
  });
});
