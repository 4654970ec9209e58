import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { archiveEvent } from "@/lib/events/archive-event";
import { createEvent } from "@/lib/events/create-event";
import { getOrganizerEvent } from "@/lib/events/get-organizer-event";
import { listOrganizerEvents } from "@/lib/events/list-organizer-events";
import { publishEvent } from "@/lib/events/publish-event";
import { eventFormInput } from "@/lib/events/testing";
import {
  createOrganizerWithOwner,
  createTier,
  enableTestCharges,
  holdSeats,
  sellTickets,
} from "@/lib/testing/factories";
import { unpublishEvent } from "@/lib/events/unpublish-event";
import { updateEvent } from "@/lib/events/update-event";
import { resetDatabase } from "@/lib/testing/db";
import { caught, fieldsOf } from "@/lib/testing/errors";

const NOW = new Date("2030-06-01T12:00:00Z");

async function setup(options: { chargesEnabled?: boolean } = {}) {
  const { owner, organizer } = await createOrganizerWithOwner("the-loft", options);
  const actor = { organizerId: organizer.id, userId: owner.userId };
  return { actor, organizer, owner };
}

beforeEach(async () => {
  await resetDatabase();
});

describe("createEvent", () => {
  it("stores a draft with UTC instants read in the event's zone, normalised fields and an audit entry", async () => {
    const { actor } = await setup();
    const event = await createEvent(actor, eventFormInput({ slug: "" }));
    expect(event).toMatchObject({
      status: "draft",
      slug: "the-night-owls",
      country: "CA",
      currency: "cad",
      timezone: "America/Vancouver",
      startsAt: "2030-12-28T04:00:00.000Z",
      endsAt: "2030-12-28T07:30:00.000Z",
      allowRefundsUntil: "2030-12-27T04:00:00.000Z",
      capacity: null,
      description: null,
      feeModel: "buyer_pays",
      stripeTaxEnabled: false,
      tierCount: 0,
      ticketsSold: 0,
      taxes: [
        { name: "GST", rateBps: 500, inclusive: false },
        { name: "PST", rateBps: 700, inclusive: false },
      ],
    });
    const row = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.organizerId).toBe(actor.organizerId);
    expect(row.startsAt.toISOString()).toBe("2030-12-28T04:00:00.000Z");
    const audit = await db.auditLog.findMany({ where: { entityId: event.id } });
    expect(audit.map((a) => [a.action, a.actorUserId, a.organizerId])).toEqual([
      ["tickets.event.created", actor.userId, actor.organizerId],
    ]);
  });

  it("accepts ISO instants, defaults time zone and currency to the organizer's, and suggests a free slug", async () => {
    const { actor } = await setup();
    await createEvent(actor, eventFormInput());
    const second = await createEvent(
      actor,
      eventFormInput({
        timezone: undefined,
        currency: undefined,
        startsAt: "2030-12-27T20:00:00-05:00",
        endsAt: "2030-12-28T04:00:00Z",
        capacity: 250,
        stripeTaxEnabled: true,
        feeModel: "organizer_absorbs",
      }),
    );
    expect(second).toMatchObject({
      slug: "the-night-owls-2",
      timezone: "America/Vancouver",
      currency: "cad",
      startsAt: "2030-12-28T01:00:00.000Z",
      endsAt: "2030-12-28T04:00:00.000Z",
      capacity: 250,
      stripeTaxEnabled: true,
      feeModel: "organizer_absorbs",
    });
  });

  it("refuses an end before (or at) the start with 422 naming endsAt, and writes nothing", async () => {
    const { actor } = await setup();
    for (const endsAt of ["2030-12-27T19:00", "2030-12-27T20:00"]) {
      const error = await caught(createEvent(actor, eventFormInput({ endsAt })));
      expect(error.status).toBe(422);
      expect(fieldsOf(error)).toEqual(["endsAt"]);
    }
    // 23:00 in Tokyo is before 20:00 the same day in Vancouver: times are compared as instants.
    const error = await caught(createEvent(actor, eventFormInput({ endsAt: "2030-12-27T23:00:00+09:00" })));
    expect(fieldsOf(error)).toEqual(["endsAt"]);
    expect(await db.event.count()).toBe(0);
  });

  it.each([
    [{ currency: "btc" }, "currency"],
    [{ currency: "inr" }, "currency"],
    [{ timezone: "Mars/Olympus_Mons" }, "timezone"],
    [{ timezone: "+05:00" }, "timezone"],
    [{ country: "Canada" }, "country"],
    [{ country: "ZZ" }, "country"],
    [{ slug: "Bad Slug" }, "slug"],
    [{ startsAt: "next friday" }, "startsAt"],
    [{ endsAt: "2030-02-30T20:00" }, "endsAt"],
    [{ capacity: 0 }, "capacity"],
    [{ capacity: "lots" }, "capacity"],
    [{ title: "  " }, "title"],
    [{ venueName: undefined }, "venueName"],
    [{ feeModel: "free" }, "feeModel"],
    [{ coverImageUrl: "javascript:alert(1)" }, "coverImageUrl"],
    [{ taxes: [{ name: "GST", rateBps: 20_000, inclusive: false }] }, "taxes.0.rateBps"],
    [{ taxes: [{ name: "GST", rateBps: 5.5, inclusive: false }] }, "taxes.0.rateBps"],
    [
      {
        taxes: [
          { name: "GST", rateBps: 500, inclusive: false },
          { name: "gst", rateBps: 700, inclusive: false },
        ],
      },
      "taxes.1.name",
    ],
    [
      {
        taxes: [
          { name: "GST", rateBps: 500, inclusive: false },
          { name: "PST", rateBps: 700, inclusive: true },
        ],
      },
      "taxes.1.inclusive",
    ],
    [{ taxes: "GST 5%" }, "taxes"],
  ])("refuses %j with 422 naming %s", async (override, field) => {
    const { actor } = await setup();
    const error = await caught(createEvent(actor, eventFormInput(override)));
    expect(error.status).toBe(422);
    expect(fieldsOf(error)).toEqual([field]);
    expect(await db.event.count()).toBe(0);
  });

  it("refuses a slug another event (of any organizer) uses with 409 naming slug", async () => {
    const { actor } = await setup();
    const other = await createOrganizerWithOwner("other-org");
    await createEvent(
      { organizerId: other.organizer.id, userId: other.owner.userId },
      eventFormInput({ slug: "owls" }),
    );
    const error = await caught(createEvent(actor, eventFormInput({ slug: "OWLS" })));
    expect(error.status).toBe(409);
    expect(fieldsOf(error)).toEqual(["slug"]);
    expect(await db.event.count({ where: { organizerId: actor.organizerId } })).toBe(0);
  });
});

describe("updateEvent", () => {
  it("changes only the fields given, re-reads wall-clock times in the (new) zone, and audits the change", async () => {
    const { actor } = await setup();
    const event = await createEvent(actor, eventFormInput());
    const updated = await updateEvent(actor, event.id, {
      title: "The Night Owls (late show)",
      timezone: "America/Toronto",
      startsAt: "2030-12-27T20:00",
      endsAt: "2030-12-27T23:30",
      description: "Doors at 7.",
      summary: null,
    });
    expect(updated).toMatchObject({
      title: "The Night Owls (late show)",
      timezone: "America/Toronto",
      startsAt: "2030-12-28T01:00:00.000Z",
      endsAt: "2030-12-28T04:30:00.000Z",
      description: "Doors at 7.",
      summary: null,
      venueName: "The Loft",
      slug: event.slug,
      allowRefundsUntil: event.allowRefundsUntil,
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: event.id, action: "tickets.event.updated" },
    });
    expect((audit.data as { fields: string[] }).fields.sort()).toEqual(
      ["description", "endsAt", "startsAt", "summary", "timezone", "title"].sort(),
    );
  });

  it("refuses a start moved past the existing end with 422 naming endsAt", async () => {
    const { actor } = await setup();
    const event = await createEvent(actor, eventFormInput());
    const error = await caught(updateEvent(actor, event.id, { startsAt: "2030-12-28T01:00" }));
    expect(error.status).toBe(422);
    expect(fieldsOf(error)).toEqual(["endsAt"]);
    expect((await getOrganizerEvent(actor.organizerId, event.id)).startsAt).toBe(event.startsAt);
  });

  it("refuses a capacity below valid tickets + unexpired holds with 422 naming capacity", async () => {
    const { actor } = await setup();
    const event = await createEvent(actor, eventFormInput());
    const tier = await createTier(event.id);
    await sellTickets(event.id, tier.id, 3);
    await sellTickets(event.id, tier.id, 4, "refunded"); // released seats
    await holdSeats(event.id, tier.id, 2, new Date(Date.now() + 10 * 60_000));
    await holdSeats(event.id, tier.id, 5, new Date(Date.now() - 60_000)); // expired

    const error = await caught(updateEvent(actor, event.id, { capacity: 4 }));
    expect(error.status).toBe(422);
    expect(fieldsOf(error)).toEqual(["capacity"]);
    expect(error.fields[0]?.message).toContain("5");
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).capacity).toBeNull();

    const ok = await updateEvent(actor, event.id, { capacity: "5" });
    expect(ok).toMatchObject({ capacity: 5, ticketsSold: 3, seatsTaken: 5 });
    // Removing the cap is always allowed.
    expect((await updateEvent(actor, event.id, { capacity: null })).capacity).toBeNull();
  });

  it("lets the slug change while draft, refuses a taken one, and refuses any change once published", async () => {
    const { actor } = await setup({ chargesEnabled: true });
    const taken = await createEvent(actor, eventFormInput({ slug: "taken-slug" }));
    const event = await createEvent(actor, eventFormInput({ slug: "owls" }));

    const dup = await caught(updateEvent(actor, event.id, { slug: taken.slug }));
    expect([dup.status, fieldsOf(dup)]).toEqual([409, ["slug"]]);

    expect((await updateEvent(actor, event.id, { slug: "owls-live" })).slug).toBe("owls-live");
    await createTier(event.id);
    await publishEvent(actor, event.id, NOW);

    const error = await caught(updateEvent(actor, event.id, { slug: "owls-again" }));
    expect([error.status, fieldsOf(error)]).toEqual([409, ["slug"]]);
    // Sending the unchanged slug with other edits is fine.
    const edited = await updateEvent(actor, event.id, { slug: "owls-live", title: "Owls" });
    expect(edited).toMatchObject({ slug: "owls-live", title: "Owls", status: "published" });
  });

  it("validates fields like create does (currency, time zone, taxes)", async () => {
    const { actor } = await setup();
    const event = await createEvent(actor, eventFormInput());
    for (const [body, field] of [
      [{ currency: "xyz" }, "currency"],
      [{ timezone: "Nowhere/Land" }, "timezone"],
      [{ taxes: [{ name: "", rateBps: 500, inclusive: false }] }, "taxes.0.name"],
      [{ title: "" }, "title"],
    ] as const) {
      const error = await caught(updateEvent(actor, event.id, body));
      expect([error.status, fieldsOf(error)], field).toEqual([422, [field]]);
    }
  });

  it("refuses a currency change once the event has tiers (409 naming currency)", async () => {
    const { actor } = await setup();
    const event = await createEvent(actor, eventFormInput());
    expect((await updateEvent(actor, event.id, { currency: "usd" })).currency).toBe("usd");
    await createTier(event.id);
    const error = await caught(updateEvent(actor, event.id, { currency: "cad" }));
    expect([error.status, fieldsOf(error)]).toEqual([409, ["currency"]]);
  });

  it("refuses edits to archived and cancelled events with 409", async () => {
    const { actor } = await setup();
    const archived = await createEvent(actor, eventFormInput());
    await archiveEvent(actor, archived.id);
    expect((await caught(updateEvent(actor, archived.id, { title: "x" }))).status).toBe(409);
    const cancelled = await createEvent(actor, eventFormInput());
    await db.event.update({ where: { id: cancelled.id }, data: { status: "cancelled" } });
    expect((await caught(updateEvent(actor, cancelled.id, { title: "x" }))).status).toBe(409);
    expect((await db.event.findUniqueOrThrow({ where: { id: cancelled.id } })).title).toBe("The Night Owls");
  });

  it("answers 404 for another organizer's event and leaves it alone", async () => {
    const { actor } = await setup();
    const other = await createOrganizerWithOwner("other-org");
    const otherActor = { organizerId: other.organizer.id, userId: other.owner.userId };
    const theirs = await createEvent(otherActor, eventFormInput());
    // One at a time: promises created up front would reject before they are awaited.
    for (const attempt of [
      () => updateEvent(actor, theirs.id, { title: "Mine now" }),
      () => publishEvent(actor, theirs.id),
      () => unpublishEvent(actor, theirs.id),
      () => archiveEvent(actor, theirs.id),
      () => getOrganizerEvent(actor.organizerId, theirs.id),
    ]) {
      expect((await caught(attempt())).status).toBe(404);
    }
    expect(await db.event.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      title: "The Night Owls",
      status: "draft",
    });
  });
});

describe("publish, unpublish, archive", () => {
  it("refuses to publish without tiers (409 naming tiers)", async () => {
    const { actor } = await setup({ chargesEnabled: true });
    const event = await createEvent(actor, eventFormInput());
    const error = await caught(publishEvent(actor, event.id, NOW));
    expect([error.status, fieldsOf(error)]).toEqual([409, ["tiers"]]);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("draft");
  });

  it("refuses to publish paid tiers until Stripe can take charges; free tiers need no Stripe", async () => {
    const { actor } = await setup();
    const paid = await createEvent(actor, eventFormInput());
    await createTier(paid.id, { priceMinor: 0 });
    await createTier(paid.id, { priceMinor: 2500 });
    const error = await caught(publishEvent(actor, paid.id, NOW));
    expect(error.status).toBe(409);
    expect(error.message).toBe("Connect Stripe and finish onboarding before publishing paid tickets");
    expect((await db.event.findUniqueOrThrow({ where: { id: paid.id } })).status).toBe("draft");

    const free = await createEvent(actor, eventFormInput());
    await createTier(free.id, { priceMinor: 0 });
    expect((await publishEvent(actor, free.id, NOW)).status).toBe("published");

    await enableTestCharges(actor.organizerId);
    const published = await publishEvent(actor, paid.id, NOW);
    expect(published).toMatchObject({ status: "published", publishedAt: NOW.toISOString(), tierCount: 2 });
  });

  it("refuses to publish an event that has ended (409 naming endsAt)", async () => {
    const { actor } = await setup({ chargesEnabled: true });
    const event = await createEvent(actor, eventFormInput());
    await createTier(event.id);
    const error = await caught(publishEvent(actor, event.id, new Date("2030-12-28T07:30:00Z")));
    expect([error.status, fieldsOf(error)]).toEqual([409, ["endsAt"]]);
  });

  it("walks draft → published → draft → archived with an audit entry per step, refusing wrong moves", async () => {
    const { actor } = await setup({ chargesEnabled: true });
    const event = await createEvent(actor, eventFormInput());
    await createTier(event.id);

    expect((await caught(unpublishEvent(actor, event.id))).status).toBe(409);
    expect((await publishEvent(actor, event.id, NOW)).status).toBe("published");
    expect((await caught(publishEvent(actor, event.id, NOW))).status).toBe(409);
    const unpublished = await unpublishEvent(actor, event.id);
    expect(unpublished).toMatchObject({ status: "draft", publishedAt: null });
    await publishEvent(actor, event.id, NOW);
    expect((await archiveEvent(actor, event.id)).status).toBe("archived");
    expect((await caught(archiveEvent(actor, event.id))).status).toBe(409);
    expect((await caught(publishEvent(actor, event.id, NOW))).status).toBe(409);
    expect((await caught(unpublishEvent(actor, event.id))).status).toBe(409);

    const actions = await db.auditLog.findMany({
      where: { entityId: event.id },
      select: { action: true, actorUserId: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual([
      "tickets.event.archived",
      "tickets.event.created",
      "tickets.event.published",
      "tickets.event.published",
      "tickets.event.unpublished",
    ]);
    expect(new Set(actions.map((a) => a.actorUserId))).toEqual(new Set([actor.userId]));
  });

  it("archives a cancelled event too", async () => {
    const { actor } = await setup();
    const event = await createEvent(actor, eventFormInput());
    await db.event.update({ where: { id: event.id }, data: { status: "cancelled" } });
    expect((await archiveEvent(actor, event.id)).status).toBe("archived");
  });
});

describe("listOrganizerEvents", () => {
  it("lists only the organizer's events with tier counts, valid tickets sold and capacity", async () => {
    const { actor } = await setup();
    const capped = await createEvent(
      actor,
      eventFormInput({ capacity: 50, startsAt: "2030-12-01T20:00", endsAt: "2030-12-01T23:00" }),
    );
    const open = await createEvent(actor, eventFormInput());
    const t1 = await createTier(open.id, { capacity: 100 });
    await createTier(open.id, { capacity: 20 });
    await sellTickets(open.id, t1.id, 7);
    await sellTickets(open.id, t1.id, 2, "void");
    const other = await createOrganizerWithOwner("other-org");
    await createEvent({ organizerId: other.organizer.id, userId: other.owner.userId }, eventFormInput());

    const events = await listOrganizerEvents(actor.organizerId);
    expect(events.map((e) => [e.id, e.tierCount, e.ticketsSold, e.capacity])).toEqual([
      [open.id, 2, 7, 120],
      [capped.id, 0, 0, 50],
    ]);
  });
});
