// Idempotency-Key through a real write endpoint (POST /api/tickets/events/<id>/tiers, which inserts a tier
// row per run, so the rows counted are the handler's executions), plus the claim across separate database
// clients standing in for app instances.
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import * as eventTiersRoute from "@/app/api/tickets/events/[id]/tiers/route";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { createPrismaClient, db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { IdempotentRequest } from "@/lib/idempotency/parse-idempotent-request";
import { runIdempotent } from "@/lib/idempotency/run-idempotent";
import {
  deleteExpiredIdempotencyKeys,
  sweepIdempotencyKeysJob,
} from "@/lib/idempotency/sweep-idempotency-keys";
import { jobDefinitions, jobSchedules } from "@/lib/jobs/registry";
import { resetDatabase } from "@/lib/testing/db";
import { problem } from "@/lib/testing/errors";
import { addMember, createEvent, createOrganizerWithOwner } from "@/lib/testing/factories";

const tier = { name: "General admission", priceMinor: 2500, capacity: 100, maxPerOrder: 8 };

async function setup() {
  const { organizer, owner } = await createOrganizerWithOwner("the-loft");
  const manager = await addMember(organizer.id, "manager@the-loft.example", "manager");
  const event = await createEvent(organizer.id);
  const post = (body: unknown, options: { key?: string; cookie?: string } = {}) =>
    eventTiersRoute.POST(
      apiRequest(`/api/tickets/events/${event.id}/tiers`, {
        body,
        cookie: options.cookie ?? owner.cookie,
        headers: options.key === undefined ? {} : { "idempotency-key": options.key },
      }),
      routeContext({ id: event.id }),
    );
  const tiers = () => db.tier.count({ where: { eventId: event.id } });
  return { owner, manager, event, post, tiers };
}

async function answer(response: Response) {
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    replayed: response.headers.get("idempotent-replayed"),
    body: await response.text(),
  };
}

const expireKey = (key: string) =>
  db.$executeRaw`UPDATE tickets_idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = ${key}`;

describe("Idempotency-Key on a write endpoint", () => {
  beforeEach(resetDatabase);

  it("a repeat gets the first response back, marked replayed, and the handler ran once", async () => {
    const { post, tiers } = await setup();
    const first = await answer(await post(tier, { key: "k-repeat" }));
    expect(first).toMatchObject({ status: 201, contentType: "application/json", replayed: null });
    const again = await answer(await post(tier, { key: "k-repeat" }));
    expect(again).toEqual({ ...first, replayed: "true" });
    expect(await tiers()).toBe(1);
    // Without a key, nothing changes: each request runs.
    await post(tier);
    await post(tier);
    expect(await tiers()).toBe(3);
  });

  it("the same key with a different body is a 422 naming the header, and nothing runs", async () => {
    const { post, tiers } = await setup();
    expect((await post(tier, { key: "k-body" })).status).toBe(201);
    const other = await post({ ...tier, name: "VIP" }, { key: "k-body" });
    expect(other.status).toBe(422);
    const body = await problem(other);
    expect(body.detail).toBe("This Idempotency-Key was used with a different request.");
    expect(body.errors?.map((e) => e.field)).toEqual(["idempotency-key"]);
    expect(await tiers()).toBe(1);
  });

  it("the same key on another path is a 422 too", async () => {
    const { owner, post, event } = await setup();
    expect((await post(tier, { key: "k-path" })).status).toBe(201);
    const elsewhere = await eventTiersRoute.POST(
      apiRequest(`/api/tickets/events/${event.id}/tiers?x=1`, {
        body: tier,
        cookie: owner.cookie,
        headers: { "idempotency-key": "k-path" },
      }),
      routeContext({ id: event.id }),
    );
    expect(elsewhere.status).toBe(422);
  });

  it("another caller's identical key and body runs on its own (keys are per caller)", async () => {
    const { manager, post, tiers } = await setup();
    const owners = await answer(await post(tier, { key: "shared-key" }));
    const managers = await answer(await post(tier, { key: "shared-key", cookie: manager.cookie }));
    expect(owners.status).toBe(201);
    expect(managers).toMatchObject({ status: 201, replayed: null });
    expect(managers.body).not.toBe(owners.body);
    expect(await tiers()).toBe(2);
  });

  it("a malformed key is a 422 before anything runs", async () => {
    const { post, tiers } = await setup();
    const response = await post(tier, { key: "x".repeat(256) });
    expect(response.status).toBe(422);
    expect((await problem(response)).errors?.map((e) => e.field)).toEqual(["idempotency-key"]);
    expect(await tiers()).toBe(0);
  });

  it("a validation error (4xx) is kept and replayed as well: the same request cannot turn valid", async () => {
    const { post, tiers } = await setup();
    const first = await answer(await post({ ...tier, capacity: -1 }, { key: "k-invalid" }));
    expect(first.status).toBe(422);
    expect(await answer(await post({ ...tier, capacity: -1 }, { key: "k-invalid" }))).toEqual({
      ...first,
      replayed: "true",
    });
    expect(await tiers()).toBe(0);
  });

  it("10 concurrent repeats run the handler once and all get the same response", async () => {
    const { post, tiers } = await setup();
    const answers = await Promise.all(
      Array.from({ length: 10 }, async () => answer(await post(tier, { key: "k-race" }))),
    );
    expect(await tiers()).toBe(1);
    expect(new Set(answers.map((a) => `${a.status} ${a.body}`)).size).toBe(1);
    expect(answers[0]?.status).toBe(201);
    expect(answers.filter((a) => a.replayed === null)).toHaveLength(1);
  });

  it("control: 10 concurrent requests without a key create 10 rows (the race the key closes is real)", async () => {
    const { post, tiers } = await setup();
    const statuses = await Promise.all(Array.from({ length: 10 }, async () => (await post(tier)).status));
    expect(statuses).toEqual(Array(10).fill(201));
    expect(await tiers()).toBe(10);
  });

  it("a 5xx releases the key and the retry runs", async () => {
    const { post, tiers } = await setup();
    // The tier insert fails inside the handler (an unexpected database error → 500), once.
    await db.$executeRawUnsafe(`CREATE FUNCTION tickets_test_fail() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER tickets_test_fail BEFORE INSERT ON tickets_tiers FOR EACH ROW EXECUTE FUNCTION tickets_test_fail()`,
    );
    try {
      const failed = await post(tier, { key: "k-500" });
      expect(failed.status).toBe(500);
      expect(await db.idempotencyKey.count()).toBe(0);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER tickets_test_fail ON tickets_tiers`);
      await db.$executeRawUnsafe(`DROP FUNCTION tickets_test_fail()`);
    }
    const retried = await answer(await post(tier, { key: "k-500" }));
    expect(retried).toMatchObject({ status: 201, replayed: null });
    expect(await tiers()).toBe(1);
    expect(await answer(await post(tier, { key: "k-500" }))).toEqual({ ...retried, replayed: "true" });
  });

  it("an expired key is claimed afresh, even with another body, and the sweep deletes expired rows", async () => {
    const { post, tiers } = await setup();
    expect((await post(tier, { key: "k-old" })).status).toBe(201);
    await expireKey("k-old");
    const fresh = await answer(await post({ ...tier, name: "VIP" }, { key: "k-old" }));
    expect(fresh).toMatchObject({ status: 201, replayed: null });
    expect(await tiers()).toBe(2);

    expect((await post(tier, { key: "k-sweep" })).status).toBe(201);
    await expireKey("k-sweep");
    expect(await deleteExpiredIdempotencyKeys()).toBe(1);
    expect((await db.idempotencyKey.findMany()).map((k) => k.key)).toEqual(["k-old"]);
  });

  it("a claim left in progress by a dead instance is taken over once its lease ends, by the same request only", async () => {
    const { post, tiers } = await setup();
    // What a crash leaves: the first request claimed the key and never stored a response.
    expect((await post(tier, { key: "k-crash" })).status).toBe(201);
    await db.$executeRaw`UPDATE tickets_idempotency_keys
      SET state = 'in_progress', response_status = NULL, response_body = NULL,
          locked_until = now() - interval '1 second'
      WHERE key = 'k-crash'`;
    expect((await post({ ...tier, name: "VIP" }, { key: "k-crash" })).status).toBe(422);
    const retried = await answer(await post(tier, { key: "k-crash" }));
    expect(retried).toMatchObject({ status: 201, replayed: null });
    expect(await tiers()).toBe(2);
  });

  it("the sweep is registered and runs every 10 minutes", () => {
    expect(jobDefinitions).toContain(sweepIdempotencyKeysJob);
    expect(jobSchedules).toContainEqual({ job: sweepIdempotencyKeysJob, everyMs: 10 * 60_000 });
  });
});

describe("runIdempotent across app instances", () => {
  const instances = [
    createPrismaClient(inject("databaseUrl"), 4),
    createPrismaClient(inject("databaseUrl"), 4),
  ];
  const request: IdempotentRequest = {
    key: "k-instances",
    principalHash: "p".repeat(64),
    method: "POST",
    path: "/api/x",
    requestHash: "r".repeat(64),
  };

  beforeEach(resetDatabase);
  afterAll(async () => {
    await Promise.all(instances.map((c) => c.$disconnect()));
  });

  it("10 repeats split over three clients run once; all answer the first response", async () => {
    const clients = [db, ...instances];
    let runs = 0;
    const run = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return Response.json({ run: runs }, { status: 201 });
    };
    const answers = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const response = await runIdempotent(request, run, { db: clients[i % clients.length] });
        return `${response.status} ${await response.text()}`;
      }),
    );
    expect(runs).toBe(1);
    expect(new Set(answers)).toEqual(new Set(['201 {"run":1}']));
  });

  it("a repeat that waits longer than allowed for the first gets 409 with Retry-After", async () => {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const first = runIdempotent(request, async () => {
      await finished;
      return new Response(null, { status: 204 });
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const error = await runIdempotent(request, async () => new Response(null), {
      db: instances[0],
      waitMs: 300,
    }).catch((e: unknown) => e);
    expect(isAppError(error) && [error.status, error.retryAfterSeconds]).toEqual([409, 1]);
    finish();
    expect((await first).status).toBe(204);
    const replayed = await runIdempotent(request, async () => new Response("ran again"));
    expect([replayed.status, replayed.headers.get("idempotent-replayed"), await replayed.text()]).toEqual([
      204,
      "true",
      "",
    ]);
  });

  it("a thrown error releases the key", async () => {
    const error = await runIdempotent(request, async () => {
      throw new Error("boom");
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(await db.idempotencyKey.count()).toBe(0);
    const ok = await runIdempotent(request, async () => Response.json({ ok: true }));
    expect(ok.status).toBe(200);
  });

  it("409 and 429 answers are not kept: the retry runs", async () => {
    let runs = 0;
    for (const status of [409, 429]) {
      const response = await runIdempotent(request, async () => {
        runs += 1;
        return new Response(null, { status });
      });
      expect(response.status).toBe(status);
    }
    expect(runs).toBe(2);
    expect(await db.idempotencyKey.count()).toBe(0);
  });
});
