// The printable tickets against a real database: pages, QR codes decoded from the pixels embedded in the
// PDF, what each page says, the logo, and refunded tickets left out.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getOrderTicketsPdf } from "@/lib/orders/get-order-tickets-pdf";
import { orderReference, ticketShortCode } from "@/lib/orders/order-summary";
import type { OrderAccess } from "@/lib/orders/resolve-order-access";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { createLocalStorage } from "@/lib/storage/local-storage";
import type { Storage } from "@/lib/storage/storage";
import { createOrganizerWithOwner } from "@/lib/testing/factories";
import { resetDatabase } from "@/lib/testing/db";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { renderTicketQrPng } from "@/lib/tickets/render-ticket-qr";
import { decodeQrImage, readPdf } from "@/lib/tickets/testing/read-pdf";
import { isTicketGoneError } from "@/lib/tickets/ticket-gone";

let root: string;
let storage: Storage;

beforeEach(async () => {
  await resetDatabase();
  root = await mkdtemp(path.join(tmpdir(), "stagedoor-pdf-"));
  storage = createLocalStorage({
    root,
    publicBaseUrl: new URL("/api/tickets/uploads", env.APP_URL).toString(),
  });
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** A paid order of two General Admission and one VIP Balcony ticket, issued (signed codes). */
async function paidOrder(options: { logoUrl?: string } = {}) {
  const { organizer, owner } = await createOrganizerWithOwner();
  if (options.logoUrl)
    await db.organizer.update({ where: { id: organizer.id }, data: { logoUrl: options.logoUrl } });
  const { event, general, vip } = await createPassesEvent(organizer.id);
  const { order } = await createPassesOrder(
    event,
    [
      { tier: general, quantity: 2 },
      { tier: vip, quantity: 1 },
    ],
    { status: "paid", buyerName: "Ana Lima" },
  );
  await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
  const tickets = await db.ticket.findMany({
    where: { orderId: order.id },
    orderBy: [
      { orderItem: { createdAt: "asc" } },
      { orderItemId: "asc" },
      { createdAt: "asc" },
      { id: "asc" },
    ],
    include: { orderItem: { select: { tierName: true } } },
  });
  const access: OrderAccess = { orderId: order.id, organizerId: organizer.id, via: "token" };
  return { organizer, owner, order, tickets, access };
}

describe("getOrderTicketsPdf", () => {
  it("prints one page per ticket whose QR decodes back to the ticket's code, with the event in its zone", async () => {
    const { order, tickets, access } = await paidOrder();
    const file = await getOrderTicketsPdf(access, { storage });
    expect(file.filename).toBe(`tickets-${orderReference(order.id)}.pdf`);

    expect((await PDFDocument.load(file.bytes)).getPageCount()).toBe(3);
    const pages = await readPdf(file.bytes);
    expect(pages).toHaveLength(3);
    pages.forEach((page, index) => {
      const ticket = tickets[index]!;
      expect(page.images).toHaveLength(1);
      expect(decodeQrImage(page.images[0]!)).toBe(ticket.secret);
      expect(page.text).toContain("The Night Owls");
      expect(page.text).toMatch(/Fri, Dec 27, 2030, 8:00 p\.m\. PST/);
      expect(page.text).toContain("Time zone: America/Vancouver");
      expect(page.text).toContain("The Loft");
      expect(page.text).toContain(ticketShortCode(ticket.id));
      expect(page.text).toContain(ticket.orderItem.tierName);
      expect(page.text).toContain("Ana Lima");
      expect(page.text).toContain(orderReference(order.id));
      expect(page.text).toContain(`${index + 1} of 3`);
    });
    expect(pages[2]?.text).toContain("VIP Balcony");
  });

  it("prints the holder's own name when the ticket has one, whatever its script", async () => {
    const { tickets, access } = await paidOrder();
    await db.ticket.update({ where: { id: tickets[1]!.id }, data: { holderName: "Bea Souza" } });
    // Beyond the standard font's WinAnsi: printed as "?", the download still works.
    await db.ticket.update({ where: { id: tickets[2]!.id }, data: { holderName: "Zoë 山田" } });
    const pages = await readPdf((await getOrderTicketsPdf(access, { storage })).bytes);
    expect(pages[0]?.text).toContain("Ana Lima");
    expect(pages[1]?.text).toContain("Bea Souza");
    expect(pages[2]?.text).toContain("Zoë ??");
  });

  it("prints one ticket when asked by id", async () => {
    const { tickets, access } = await paidOrder();
    const ticket = tickets[1]!;
    const file = await getOrderTicketsPdf(access, { ticketId: ticket.id, storage });
    expect(file.filename).toBe(`ticket-${ticketShortCode(ticket.id)}.pdf`);
    const pages = await readPdf(file.bytes);
    expect(pages).toHaveLength(1);
    expect(decodeQrImage(pages[0]!.images[0]!)).toBe(ticket.secret);
    expect(pages[0]?.text).toContain("2 of 3");
  });

  it("leaves refunded and void tickets out, and refuses one asked by id (410)", async () => {
    const { tickets, access } = await paidOrder();
    await db.ticket.update({ where: { id: tickets[0]!.id }, data: { status: "refunded" } });
    await db.ticket.update({ where: { id: tickets[2]!.id }, data: { status: "void" } });
    const pages = await readPdf((await getOrderTicketsPdf(access, { storage })).bytes);
    expect(pages).toHaveLength(1);
    expect(decodeQrImage(pages[0]!.images[0]!)).toBe(tickets[1]!.secret);
    expect(pages[0]?.text).toContain("1 of 1");
    const error = await getOrderTicketsPdf(access, { ticketId: tickets[0]!.id, storage }).catch(
      (e: unknown) => e,
    );
    expect(isTicketGoneError(error)).toBe(true);
  });

  it("answers 409 for an order without valid tickets and 404 for a ticket of another order", async () => {
    const { tickets, access } = await paidOrder();
    await db.ticket.updateMany({ where: { orderId: access.orderId }, data: { status: "refunded" } });
    await expect(getOrderTicketsPdf(access, { storage })).rejects.toMatchObject({ code: "conflict" });
    const other = await paidOrder();
    await expect(
      getOrderTicketsPdf(other.access, { ticketId: tickets[0]!.id, storage }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("puts the organizer's logo from our storage on every page", async () => {
    const logoPng = await renderTicketQrPng("logo");
    const logo = await storage.put("organizers/o1/organizer-logo/logo.png", logoPng, "image/png");
    const { tickets, access } = await paidOrder({ logoUrl: logo.url });
    const pages = await readPdf((await getOrderTicketsPdf(access, { storage })).bytes);
    for (const [index, page] of pages.entries()) {
      const decoded = page.images.map(decodeQrImage).sort();
      expect(decoded).toEqual(["logo", tickets[index]!.secret].sort());
    }
  });

  it("audits a team member's download", async () => {
    const { organizer, owner, order } = await paidOrder();
    await getOrderTicketsPdf(
      { orderId: order.id, organizerId: organizer.id, via: "organizer", userId: owner.userId },
      { storage },
    );
    expect(
      await db.auditLog.count({
        where: { action: "tickets.order.tickets_pdf_downloaded", entityId: order.id },
      }),
    ).toBe(1);
  });
});
