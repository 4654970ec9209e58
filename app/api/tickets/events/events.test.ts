import { beforeEach, describe, expect, it } from "vitest";
import * as archiveRoute from "@/app/api/tickets/events/[id]/archive/route";
import * as publishRoute from "@/app/api/tickets/events/[id]/publish/route";
import * as eventRoute from "@/app/api/tickets/events/[id]/route";
import * as unpublishRoute from "@/app/api/tickets/events/[id]/unpublish/route";
import * as publicRoute from "@/app/api/tickets/events/public/route";
import * as eventsRoute from "@/app/api/tickets/events/route";
import { apiRequest, routeContext, TEST_ORIGIN } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { eventFormInput } from "@/lib/events/testing";
import {
  createOrganizerWithOwner,
  createTier,
  enableTestCharges,
  sellTickets,
} from "@/lib/testing/factories";
import { resetDatabase } from "@/lib/testing/db";

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}
interface EventBody {
  id: string;
  slug: string;
  status: string;
  startsAt: string;
  title: string;
  ticketsSold: number;
}

async function problem(response: Response): Promise<Problem & { fields: string[] }> {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as Problem;
  return { ...body, fields: (body.errors ?? []).map((e) => e.field) };
}

async function createViaApi(cookie: string, overrides: Record<string, unknown> = {}) {
  const response = await eventsRoute.POST(
    apiRequest("/api/tickets/events", { cookie, body: eventFormInput(overrides) }),
    routeContext(),
  );
  expect(response.status).toBe(201);
  return (await response.json()) as EventBody;
}

const action = (route: typeof publishRoute, id: string, cookie?: string) =>
  route.POST(apiRequest(`/api/tickets/events/${id}/x`, { method: "POST", cookie }), routeContext({ id }));

beforeEach(async () => {
  await resetDatabase();
});

describe("organizer event routes", () => {
  it("POST creates a draft (201) and GET lists it with tier and sold counts", async () => {
    const { owner } = await createOrganizerWithOwner("the-loft");
    const created = await createViaApi(owner.cookie);
    expect(created).toMatchObject({
      slug: "the-night-owls",
      status: "draft",
      startsAt: "2030-12-28T04:00:00.000Z",
    });
    const tier = await createTier(created.id, { capacity: 80 });
    await sellTickets(created.id, tier.id, 4);

    const list = await eventsRoute.GET(
      apiRequest("/api/tickets/events", { cookie: owner.cookie }),
      routeContext(),
    );
    expect(list.status).toBe(200);
    const body = (await list.json()) as {
      events: { id: string; tierCount: number; ticketsSold: number; capacity: number }[];
    };
    expect(body.events).toEqual([
      expect.objectContaining({ id: created.id, tierCount: 1, ticketsSold: 4, capacity: 80 }),
    ]);

    const one = await eventRoute.GET(
      apiRequest(`/api/tickets/events/${created.id}`, { cookie: owner.cookie }),
      routeContext({ id: created.id }),
    );
    expect(((await one.json()) as EventBody).ticketsSold).toBe(4);
  });

  it("answers bad input with problem+json naming the field", async () => {
    const { owner } = await createOrganizerWithOwner("the-loft");
    const cases: [Record<string, unknown>, number, string][] = [
      [{ endsAt: "2030-12-27T19:00" }, 422, "endsAt"],
      [{ currency: "doge" }, 422, "currency"],
      [{ timezone: "Mars/Base" }, 422, "timezone"],
      [{ taxes: [{ name: "GST", rateBps: -1, inclusive: false }] }, 422, "taxes.0.rateBps"],
    ];
    for (const [override, status, field] of cases) {
      const response = await eventsRoute.POST(
        apiRequest("/api/tickets/events", { cookie: owner.cookie, body: eventFormInput(override) }),
        routeContext(),
      );
      expect(response.status, field).toBe(status);
      expect((await problem(response)).fields).toEqual([field]);
    }
    await createViaApi(owner.cookie, { slug: "owls" });
    const dup = await eventsRoute.POST(
      apiRequest("/api/tickets/events", { cookie: owner.cookie, body: eventFormInput({ slug: "owls" }) }),
      routeContext(),
    );
    expect(dup.status).toBe(409);
    expect((await problem(dup)).fields).toEqual(["slug"]);

    const notJson = await eventsRoute.POST(
      new Request("http://localhost:3000/api/tickets/events", {
        method: "POST",
        headers: { cookie: owner.cookie, "content-type": "application/json", origin: TEST_ORIGIN },
        body: "{",
      }),
      routeContext(),
    );
    expect(notJson.status).toBe(422);
    expect((await problem(notJson)).fields).toEqual(["body"]);
  });

  it("PATCH edits part of an event; capacity below sold is 422, slug after publish is 409", async () => {
    const { owner } = await createOrganizerWithOwner("the-loft", { chargesEnabled: true });
    const created = await createViaApi(owner.cookie);
    const patch = (body: unknown) =>
      eventRoute.PATCH(
        apiRequest(`/api/tickets/events/${created.id}`, { method: "PATCH", cookie: owner.cookie, body }),
        routeContext({ id: created.id }),
      );

    const renamed = await patch({ title: "Owls Live" });
    expect(renamed.status).toBe(200);
    expect((await renamed.json()) as EventBody).toMatchObject({ title: "Owls Live", slug: "the-night-owls" });

    const tier = await createTier(created.id);
    await sellTickets(created.id, tier.id, 3);
    const tooSmall = await patch({ capacity: 2 });
    expect(tooSmall.status).toBe(422);
    expect((await problem(tooSmall)).fields).toEqual(["capacity"]);

    const badEnd = await patch({ endsAt: "2030-12-27T18:00" });
    expect(badEnd.status).toBe(422);
    expect((await problem(badEnd)).fields).toEqual(["endsAt"]);

    expect((await action(publishRoute, created.id, owner.cookie)).status).toBe(200);
    const slug = await patch({ slug: "new-owls" });
    expect(slug.status).toBe(409);
    expect((await problem(slug)).fields).toEqual(["slug"]);
  });

  it("publish needs tiers and, for paid tiers, Stripe charges; unpublish and archive move the status", async () => {
    const { owner, organizer } = await createOrganizerWithOwner("the-loft");
    const created = await createViaApi(owner.cookie);

    const noTiers = await action(publishRoute, created.id, owner.cookie);
    expect(noTiers.status).toBe(409);
    expect((await problem(noTiers)).fields).toEqual(["tiers"]);

    await createTier(created.id, { priceMinor: 3000 });
    const noStripe = await action(publishRoute, created.id, owner.cookie);
    expect(noStripe.status).toBe(409);
    expect((await problem(noStripe)).detail).toBe(
      "Connect Stripe and finish onboarding before publishing paid tickets",
    );

    await enableTestCharges(organizer.id);
    const published = await action(publishRoute, created.id, owner.cookie);
    expect(published.status).toBe(200);
    expect(((await published.json()) as EventBody).status).toBe("published");

    const unpublished = await action(unpublishRoute, created.id, owner.cookie);
    expect(((await unpublished.json()) as EventBody).status).toBe("draft");
    const archived = await action(archiveRoute, created.id, owner.cookie);
    expect(((await archived.json()) as EventBody).status).toBe("archived");
    const again = await action(archiveRoute, created.id, owner.cookie);
    expect(again.status).toBe(409);
  });
});

describe("GET /api/tickets/events/public", () => {
  it("lists published events that have not ended, filtered by city (case-insensitive), without auth", async () => {
    const { owner, organizer } = await createOrganizerWithOwner("the-loft", { chargesEnabled: true });
    const vancouver = await createViaApi(owner.cookie, { title: "Vancouver show" });
    const toronto = await createViaApi(owner.cookie, { title: "Toronto show", city: "Toronto" });
    await createViaApi(owner.cookie, { title: "Draft show" });
    const past = await createViaApi(owner.cookie, {
      title: "Past show",
      startsAt: "2020-01-01T20:00",
      endsAt: "2020-01-01T23:00",
    });
    for (const e of [vancouver, toronto]) {
      await createTier(e.id);
      expect((await action(publishRoute, e.id, owner.cookie)).status).toBe(200);
    }
    // Published before it ended; it must drop off the list once over.
    await db.event.update({
      where: { id: past.id, organizerId: organizer.id },
      data: { status: "published" },
    });

    const all = await publicRoute.GET(apiRequest("/api/tickets/events/public"), routeContext());
    expect(all.status).toBe(200);
    const titles = ((await all.json()) as { events: { title: string }[] }).events.map((e) => e.title);
    expect(titles.sort()).toEqual(["Toronto show", "Vancouver show"]);

    const city = await publicRoute.GET(apiRequest("/api/tickets/events/public?city=toronto"), routeContext());
    expect(((await city.json()) as { events: { title: string }[] }).events.map((e) => e.title)).toEqual([
      "Toronto show",
    ]);
  });
});
