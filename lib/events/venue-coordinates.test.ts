import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createEvent } from "@/lib/events/create-event";
import { eventFormInput } from "@/lib/events/testing";
import { updateEvent } from "@/lib/events/update-event";
import { resetDatabase } from "@/lib/testing/db";
import { caught, fieldsOf } from "@/lib/testing/errors";
import { createOrganizerWithOwner } from "@/lib/testing/factories";

async function actor() {
  const { owner, organizer } = await createOrganizerWithOwner("pin-venue");
  return { organizerId: organizer.id, userId: owner.userId };
}

describe("the venue's map pin", () => {
  beforeEach(resetDatabase);

  it("stores both coordinates as typed in the form, and clears them together", async () => {
    const who = await actor();
    const event = await createEvent(
      who,
      eventFormInput({ venueLatitude: " 49.2635 ", venueLongitude: "-123.1007" }),
    );
    expect([event.venueLatitude, event.venueLongitude]).toEqual([49.2635, -123.1007]);
    const cleared = await updateEvent(who, event.id, { venueLatitude: "", venueLongitude: null });
    expect([cleared.venueLatitude, cleared.venueLongitude]).toEqual([null, null]);
  });

  it("refuses one coordinate without the other, naming the missing one, and writes nothing", async () => {
    const who = await actor();
    const error = await caught(createEvent(who, eventFormInput({ venueLatitude: "49.2" })));
    expect(error.status).toBe(422);
    expect(fieldsOf(error)).toEqual(["venueLongitude"]);
    expect(await db.event.count()).toBe(0);

    const event = await createEvent(who, eventFormInput({ venueLatitude: 49.2, venueLongitude: -123.1 }));
    const cleared = await caught(updateEvent(who, event.id, { venueLongitude: "" }));
    expect(fieldsOf(cleared)).toEqual(["venueLongitude"]);
    const stored = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect([stored.venueLatitude, stored.venueLongitude]).toEqual([49.2, -123.1]);
  });

  it.each([
    [{ venueLatitude: "91", venueLongitude: "0" }, "venueLatitude"],
    [{ venueLatitude: "0", venueLongitude: "-180.5" }, "venueLongitude"],
    [{ venueLatitude: "north", venueLongitude: "0" }, "venueLatitude"],
  ])("refuses %o with 422 naming %s", async (input, field) => {
    const error = await caught(createEvent(await actor(), eventFormInput(input)));
    expect(error.status).toBe(422);
    expect(fieldsOf(error)).toEqual([field]);
  });
});
