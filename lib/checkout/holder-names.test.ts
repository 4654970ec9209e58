// Holder names given at checkout become the tickets' holder names when the order is issued (a free order is
// issued at once); a seat left blank gets the buyer's name.
import { beforeEach, describe, expect, it } from "vitest";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { db } from "@/lib/db";
import { caught, fieldsOf } from "@/lib/testing/errors";
import { resetDatabase } from "@/lib/testing/db";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

beforeEach(resetDatabase);

async function freeEvent() {
  const { organizer } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
  const event = await createOnSaleEvent(organizer.id);
  const free = await createTier(event.id, { name: "Free", priceMinor: 0, maxPerOrder: 6 });
  return { event, free };
}

const buyer = { email: "fan@example.test", name: "Fan One" };

describe("holder names at checkout", () => {
  it("names the tickets as given (kept per seat); a blank seat gets the buyer's name", async () => {
    const { event, free } = await freeEvent();
    const result = await createCheckoutSession({
      eventId: event.id,
      buyer,
      items: [{ tierId: free.id, quantity: 3, holderNames: [" Rosa  Díaz ", "", "Bo Chen"] }],
    });
    expect(result.free).toBe(true);
    const tickets = await db.ticket.findMany({
      where: { orderId: result.orderId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { holderName: true },
    });
    expect(tickets.map((t) => t.holderName).sort()).toEqual(["Bo Chen", "Fan One", "Rosa Díaz"]);
    const item = await db.orderItem.findFirstOrThrow({ where: { orderId: result.orderId } });
    expect(item.holderNames).toEqual(["Rosa Díaz", "", "Bo Chen"]);
  });

  it("refuses control characters and more names than seats, naming the field, and holds nothing", async () => {
    const { event, free } = await freeEvent();
    const bad = await caught(
      createCheckoutSession({
        eventId: event.id,
        buyer,
        items: [{ tierId: free.id, quantity: 2, holderNames: ["Rosa", "Bo\u0000"] }],
      }),
    );
    expect(bad.code).toBe("validation");
    expect(fieldsOf(bad)).toEqual(["items.0.holderNames.1"]);
    const many = await caught(
      createCheckoutSession({
        eventId: event.id,
        buyer,
        items: [{ tierId: free.id, quantity: 1, holderNames: ["Rosa", "Bo"] }],
      }),
    );
    expect(fieldsOf(many)).toEqual(["items.0.holderNames"]);
    expect(await db.order.count()).toBe(0);
  });
});
