// Test fixtures for events: the body the portal's event form sends. Organizers, members, tiers, sold
// tickets and holds: lib/testing/factories.
/** A valid event body as the portal's form sends it (wall-clock times in the event's zone). */
export function eventFormInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "The Night Owls",
    summary: "Loud guitars, late trains.",
    description: "",
    venueName: "The Loft",
    venueAddress: "123 Granville St",
    city: "Vancouver",
    region: "BC",
    country: "ca",
    timezone: "America/Vancouver",
    startsAt: "2030-12-27T20:00",
    endsAt: "2030-12-27T23:30",
    capacity: "",
    currency: "CAD",
    feeModel: "buyer_pays",
    allowRefundsUntil: "2030-12-26T20:00",
    stripeTaxEnabled: false,
    taxes: [
      { name: "GST", rateBps: 500, inclusive: false },
      { name: "PST", rateBps: 700, inclusive: false },
    ],
    ...overrides,
  };
}
