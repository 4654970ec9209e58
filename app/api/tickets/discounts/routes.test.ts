import { beforeEach, describe, expect, it } from "vitest";
import * as eventDiscountsRoute from "@/app/api/tickets/events/[id]/discounts/route";
import * as discountRoute from "@/app/api/tickets/discounts/[id]/route";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/db";
import { problem } from "@/lib/testing/errors";
import {
  addMember,
  createEvent,
  createOrder,
  createOrganizerWithOwner,
  createTier,
} from "@/lib/testing/factories";

async function setup() {
  const { organizer } = await createOrganizerWithOwner("the-loft");
  const manager = await addMember(organizer.id, "manager@the-loft.example", "manager");
  const event = await createEvent(organizer.id);
  const ga = await createTier(event.id, { name: "GA" });
  const post = (body: unknown) =>
    eventDiscountsRoute.POST(
      apiRequest(`/api/tickets/events/${event.id}/discounts`, { body, cookie: manager.cookie }),
      routeContext({ id: event.id }),
    );
  const patch = (id: string, body: unknown) =>
    discountRoute.PATCH(
      apiRequest(`/api/tickets/discounts/${id}`, { method: "PATCH", body, cookie: manager.cookie }),
      routeContext({ id }),
    );
  const list = async () => {
    const response = await eventDiscountsRoute.GET(
      apiRequest(`/api/tickets/events/${event.id}/discounts`, { cookie: manager.cookie }),
      routeContext({ id: event.id }),
    );
    expect(response.status).toBe(200);
    return (await response.json()) as {
      event: { currency: string };
      discounts: { code: string; uses: number; active: boolean }[];
    };
  };
  return { organizer, manager, event, ga, post, patch, list };
}

describe("discount routes", () => {
  beforeEach(resetDatabase);

  it("POST creates a code (201, upper-cased); GET lists it with its uses", async () => {
    const { event, ga, post, list } = await setup();
    const created = await post({
      code: "early",
      kind: "percent",
      percentBps: 2000,
      tierIds: [ga.id],
      maxUses: 50,
    });
    expect(created.status).toBe(201);
    const code = (await created.json()) as { id: string; code: string };
    expect(code.code).toBe("EARLY");
    await createOrder(event.id, { tierId: ga.id, status: "paid", discountId: code.id });
    await createOrder(event.id, {
      tierId: ga.id,
      status: "pending",
      discountId: code.id,
      expiresAt: new Date(Date.now() + 60_000),
    });
    await createOrder(event.id, { tierId: ga.id, status: "expired", discountId: code.id, hold: false });
    const body = await list();
    expect(body.event.currency).toBe("cad");
    expect(body.discounts).toEqual([expect.objectContaining({ code: "EARLY", uses: 2, active: true })]);
  });

  it("POST refuses a duplicate in another case (409 naming code) and bad input (422 naming the field)", async () => {
    const { organizer, post } = await setup();
    expect((await post({ code: "SUMMER", kind: "percent", percentBps: 1000 })).status).toBe(201);
    const dup = await post({ code: "Summer", kind: "percent", percentBps: 500 });
    expect(dup.status).toBe(409);
    expect((await problem(dup)).errors?.map((e) => e.field)).toEqual(["code"]);

    const otherEvent = await createEvent(organizer.id);
    const otherTier = await createTier(otherEvent.id, { name: "Other" });
    const cases: [Record<string, unknown>, string][] = [
      [{ percentBps: 0 }, "percentBps"],
      [{ percentBps: 10_001 }, "percentBps"],
      [{ kind: "fixed", amountMinor: 0 }, "amountMinor"],
      [{ tierIds: [otherTier.id] }, "tierIds"],
      [{ validFrom: "2030-06-01T00:00:00Z", validUntil: "2030-05-01T00:00:00Z" }, "validUntil"],
      [{ code: "a!" }, "code"],
      [{ maxUses: 0 }, "maxUses"],
    ];
    for (const [override, field] of cases) {
      const response = await post({ code: "NEWCODE", kind: "percent", percentBps: 1000, ...override });
      expect(response.status, JSON.stringify(override)).toBe(422);
      expect(
        (await problem(response)).errors?.map((e) => e.field),
        JSON.stringify(override),
      ).toEqual([field]);
    }
    expect(await db.discount.count()).toBe(1);
  });

  it("PATCH deactivates and reactivates a code, and validates like POST", async () => {
    const { post, patch, list } = await setup();
    const code = (await (await post({ code: "FLASH", kind: "fixed", amountMinor: 500 })).json()) as {
      id: string;
    };
    const off = await patch(code.id, { active: false });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ active: false });
    expect((await list()).discounts[0]?.active).toBe(false);
    expect((await patch(code.id, { active: true })).status).toBe(200);
    const bad = await patch(code.id, {
      validFrom: "2030-06-01T00:00:00Z",
      validUntil: "2030-06-01T00:00:00Z",
    });
    expect(bad.status).toBe(422);
    expect((await problem(bad)).errors?.[0]?.field).toBe("validUntil");
    expect((await patch("missing", { active: false })).status).toBe(404);
  });
});
