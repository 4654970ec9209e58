import { beforeEach, describe, expect, it } from "vitest";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { orderReference } from "@/lib/orders/order-summary";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { addMember, createOrganizerWithOwner } from "@/lib/testing/factories";
import { resetDatabase } from "@/lib/testing/db";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { decodeQrImage, readPdf } from "@/lib/tickets/testing/read-pdf";
import { GET } from "./route";

/** A paid order of two issued tickets, and its buyer's token. */
async function paidOrder() {
  const { organizer, owner } = await createOrganizerWithOwner();
  const { event, general } = await createPassesEvent(organizer.id);
  const { order, token } = await createPassesOrder(event, [{ tier: general, quantity: 2 }], {
    status: "paid",
  });
  await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
  const tickets = await db.ticket.findMany({
    where: { orderId: order.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { organizer, owner, order, token, tickets };
}

const get = (orderId: string, query: Record<string, string>, cookie?: string) =>
  GET(
    apiRequest(`/api/tickets/orders/${orderId}/tickets.pdf?${new URLSearchParams(query).toString()}`, {
      cookie,
    }),
    routeContext({ id: orderId }),
  );

describe("GET /api/tickets/orders/:id/tickets.pdf", () => {
  beforeEach(resetDatabase);

  it("sends the buyer holding the token a PDF with a decodable QR per ticket", async () => {
    const { order, token, tickets } = await paidOrder();
    const response = await get(order.id, { token });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="tickets-${orderReference(order.id)}.pdf"`,
    );
    const pages = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pages.map((page) => decodeQrImage(page.images[0]!)).sort()).toEqual(
      tickets.map((ticket) => ticket.secret).sort(),
    );
  });

  it("prints one ticket with &ticket=", async () => {
    const { order, token, tickets } = await paidOrder();
    const response = await get(order.id, { token, ticket: tickets[1]!.id });
    expect(response.status).toBe(200);
    const pages = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pages).toHaveLength(1);
    expect(decodeQrImage(pages[0]!.images[0]!)).toBe(tickets[1]!.secret);
  });

  it("answers 404 to a wrong token, another order's token, a stranger and a scanner", async () => {
    const { organizer, order, tickets } = await paidOrder();
    const other = await paidOrder();
    expect((await get(order.id, { token: "nope-nope-nope-nope" })).status).toBe(404);
    expect((await get(order.id, {})).status).toBe(404);
    expect((await get(order.id, { token: other.token })).status).toBe(404);
    // The other order's ticket through this order's link: not found either.
    expect((await get(other.order.id, { token: other.token, ticket: tickets[0]!.id })).status).toBe(404);
    const scanner = await addMember(organizer.id, "door@example.com", "scanner");
    expect((await get(order.id, {}, scanner.cookie)).status).toBe(404);
  });

  it("lets the organizer's owner download and answers 410 for a refunded ticket", async () => {
    const { owner, order, token, tickets } = await paidOrder();
    expect((await get(order.id, {}, owner.cookie)).status).toBe(200);
    await db.ticket.update({ where: { id: tickets[0]!.id }, data: { status: "refunded" } });
    const gone = await get(order.id, { token, ticket: tickets[0]!.id });
    expect(gone.status).toBe(410);
    expect(gone.headers.get("content-type")).toBe("application/problem+json");
    const pages = await readPdf(new Uint8Array(await (await get(order.id, { token })).arrayBuffer()));
    expect(pages).toHaveLength(1);
  });
});
