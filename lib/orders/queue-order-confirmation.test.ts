import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { EmailAttachment } from "@/lib/email/types";
import { findOrderByAccessToken } from "@/lib/orders/order-access-token";
import { queueOrderConfirmation } from "@/lib/orders/queue-order-confirmation";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { createOrganizerWithOwner } from "@/lib/testing/factories";
import { createLocalStorage } from "@/lib/storage/local-storage";
import type { Storage } from "@/lib/storage/storage";
import { resetDatabase } from "@/lib/testing/db";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { decodeQrPng } from "@/lib/tickets/testing/decode-qr-png";
import { decodeQrImage, readPdf } from "@/lib/tickets/testing/read-pdf";
import { renderTicketQrPng } from "@/lib/tickets/render-ticket-qr";

let root: string;
let storage: Storage;

async function paidOrder(quantity = 3, extra: { logoUrl?: string; coverImageUrl?: string } = {}) {
  const { organizer } = await createOrganizerWithOwner("blue-room");
  if (extra.logoUrl)
    await db.organizer.update({ where: { id: organizer.id }, data: { logoUrl: extra.logoUrl } });
  const { event, general, vip } = await createPassesEvent(organizer.id, {
    coverImageUrl: extra.coverImageUrl,
  });
  const lines =
    quantity > 1
      ? [
          { tier: general, quantity: quantity - 1 },
          { tier: vip, quantity: 1 },
        ]
      : [{ tier: general, quantity: 1 }];
  const { order, token } = await createPassesOrder(event, lines, { status: "paid" });
  return { organizer, event, order, token };
}

/** What the webhook does: mark paid (done by the fixture), issue, queue — in one transaction. */
function confirm(orderId: string, options: { accessToken?: string; force?: boolean } = {}) {
  return db.$transaction(async (tx) => {
    const tickets = await issueTicketsForOrder(tx, orderId);
    const result = await queueOrderConfirmation(tx, orderId, { ...options, storage });
    return { tickets, result };
  });
}

const attachmentsOf = async (outboxId: string) =>
  (await db.emailOutbox.findUniqueOrThrow({ where: { id: outboxId } })).attachments as EmailAttachment[];

describe("queueOrderConfirmation", () => {
  beforeEach(async () => {
    await resetDatabase();
    root = await mkdtemp(path.join(tmpdir(), "stagedoor-passes-"));
    storage = createLocalStorage({
      root,
      publicBaseUrl: new URL("/api/tickets/uploads", env.APP_URL).toString(),
    });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("writes one outbox row with an inline QR PNG per ticket and the .ics, referenced from the HTML", async () => {
    const { order, event, token } = await paidOrder(3);
    const { tickets, result } = await confirm(order.id, { accessToken: token });

    expect(result).toMatchObject({ alreadyQueued: false, accessTokenRotated: false });
    const rows = await db.emailOutbox.findMany();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      template: "order-confirmation",
      toAddress: "ana@example.com",
      orderId: order.id,
      subject: "Your tickets for The Night Owls",
      status: "queued",
    });
    expect(await db.job.count({ where: { name: "email.send" } })).toBe(1);

    const attachments = row.attachments as EmailAttachment[];
    const qrs = attachments.filter((a) => a.cid?.startsWith("qr-"));
    expect(qrs).toHaveLength(3);
    for (const ticket of tickets) {
      const qr = qrs.find((a) => a.cid === `qr-${ticket.id}`);
      expect(qr).toMatchObject({ contentType: "image/png" });
      expect(decodeQrPng(Buffer.from(qr!.contentBase64, "base64"))).toBe(ticket.secret);
      expect(row.html).toContain(`src="cid:qr-${ticket.id}"`);
    }
    const ics = attachments.find((a) => a.filename === `${event.slug}.ics`);
    expect(ics).toMatchObject({ contentType: "text/calendar" });
    expect(ics?.cid).toBeUndefined();
    expect(Buffer.from(ics!.contentBase64, "base64").toString("utf8")).toContain("DTSTART:20301228T040000Z");

    // The link is the passes page with the caller's token (its hash is unchanged).
    const link = `${new URL(env.APP_URL).origin}/tickets/order/${order.id}?token=${token}`;
    expect(row.text).toContain(link);
    expect(row.html).toContain(`href="${link}"`);
    expect(await findOrderByAccessToken(order.id, token)).not.toBeNull();
  });

  it("puts event details with the time zone, fee and named taxes and every pass in the plain text", async () => {
    const { order, token } = await paidOrder(3);
    const { tickets, result } = await confirm(order.id, { accessToken: token });
    const { text } = await db.emailOutbox.findUniqueOrThrow({ where: { id: result.outboxId } });
    expect(text).toContain("The Night Owls");
    expect(text).toMatch(/Fri, Dec 27, 2030, 8:00.*PST/);
    expect(text).toContain("America/Vancouver");
    expect(text).toContain("The Loft");
    expect(text).toContain("2 × General Admission");
    expect(text).toContain("1 × VIP Balcony");
    expect(text).toContain("Service fee");
    expect(text).toMatch(/GST \(5%\)\s+\$5\.73/);
    expect(text).toMatch(/PST \(7%\)\s+\$8\.02/);
    expect(text).toContain("$128.25");
    const codes = tickets.map((ticket) => ticket.id.slice(-8).toUpperCase());
    expect(new Set(codes).size).toBe(tickets.length); // distinct within the order
    for (const code of codes) expect(text).toContain(`Box office code: ${code}`);
    expect(text).not.toContain("<");
  });

  it("writes nothing when the payment transaction rolls back", async () => {
    const { order, token } = await paidOrder(2);
    await expect(
      db.$transaction(async (tx) => {
        await issueTicketsForOrder(tx, order.id);
        await queueOrderConfirmation(tx, order.id, { storage });
        expect(await tx.emailOutbox.count()).toBe(1);
        throw new Error("commit failed");
      }),
    ).rejects.toThrow("commit failed");
    expect(await db.emailOutbox.count()).toBe(0);
    expect(await db.job.count()).toBe(0);
    expect(await db.ticket.count()).toBe(0);
    // The rotation rolled back too: the buyer's original link still works.
    expect(await findOrderByAccessToken(order.id, token)).not.toBeNull();
  });

  it("rotates the access token when the caller does not have it, and the new link opens the order", async () => {
    const { order, token } = await paidOrder(1);
    const { result } = await confirm(order.id);
    expect(result.accessTokenRotated).toBe(true);
    const { text } = await db.emailOutbox.findUniqueOrThrow({ where: { id: result.outboxId } });
    const fresh = /\/tickets\/order\/[^?\s]+\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fresh).not.toBe(token);
    expect(await findOrderByAccessToken(order.id, fresh!)).not.toBeNull();
    expect(await findOrderByAccessToken(order.id, token)).toBeNull();
  });

  it("rebuilds the checkout's derived token instead of rotating it, so the buyer's open page keeps working", async () => {
    const { organizer } = await createOrganizerWithOwner("green-room");
    const { event, general } = await createPassesEvent(organizer.id);
    const { order, token } = await createPassesOrder(event, [{ tier: general, quantity: 1 }], {
      status: "paid",
      token: "derived",
    });
    const { result } = await confirm(order.id);
    expect(result.accessTokenRotated).toBe(false);
    const { text } = await db.emailOutbox.findUniqueOrThrow({ where: { id: result.outboxId } });
    expect(text).toContain(`/tickets/order/${order.id}?token=${token}`);
    expect(await findOrderByAccessToken(order.id, token)).not.toBeNull();
  });

  it("refuses a token that is not the order's", async () => {
    const { order } = await paidOrder(1);
    await expect(confirm(order.id, { accessToken: "A".repeat(43) })).rejects.toThrow(/does not belong/);
    expect(await db.emailOutbox.count()).toBe(0);
  });

  it("is idempotent: a replayed webhook queues no second email (unless forced)", async () => {
    const { order, token } = await paidOrder(2);
    const first = await confirm(order.id, { accessToken: token });
    const again = await confirm(order.id);
    expect(again.result).toEqual({
      outboxId: first.result.outboxId,
      alreadyQueued: true,
      accessTokenRotated: false,
    });
    expect(await db.emailOutbox.count()).toBe(1);
    expect(await findOrderByAccessToken(order.id, token)).not.toBeNull(); // not rotated by the replay
    const forced = await confirm(order.id, { accessToken: token, force: true });
    expect(forced.result.alreadyQueued).toBe(false);
    expect(await db.emailOutbox.count()).toBe(2);
  });

  it("embeds the organizer logo and event cover from our storage; skips remote and unreadable images", async () => {
    const png = await renderTicketQrPng("logo");
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]);
    const logo = await storage.put("organizers/o1/organizer-logo/logo.png", png, "image/png");
    const cover = await storage.put("organizers/o1/event-cover/cover.jpg", jpeg, "image/jpeg");
    const { order, token } = await paidOrder(1, { logoUrl: logo.url, coverImageUrl: cover.url });
    const { result } = await confirm(order.id, { accessToken: token });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: result.outboxId } });
    const attachments = row.attachments as EmailAttachment[];
    expect(attachments.find((a) => a.cid === "organizer-logo")).toMatchObject({
      contentType: "image/png",
      contentBase64: png.toString("base64"),
    });
    expect(attachments.find((a) => a.cid === "event-cover")).toMatchObject({ contentType: "image/jpeg" });
    expect(row.html).toContain('src="cid:organizer-logo"');
    expect(row.html).toContain('src="cid:event-cover"');

    await resetDatabase();
    const other = await paidOrder(1, {
      logoUrl: "https://cdn.elsewhere.example/logo.png",
      coverImageUrl: new URL(
        "/api/tickets/uploads/organizers/o1/event-cover/missing.png",
        env.APP_URL,
      ).toString(),
    });
    const second = await confirm(other.order.id, { accessToken: other.token });
    const row2 = await db.emailOutbox.findUniqueOrThrow({ where: { id: second.result.outboxId } });
    expect((row2.attachments as EmailAttachment[]).map((a) => a.cid ?? a.filename)).toEqual([
      expect.stringMatching(/^qr-/),
      `${other.event.slug}.ics`,
    ]);
    expect(row2.html).not.toContain("cid:organizer-logo");
    expect(row2.html).not.toContain("cid:event-cover");
  });

  it("keeps within the 20-attachment limit: QR codes first, the rest of the passes point to the page", async () => {
    const { order, token } = await paidOrder(22);
    const { tickets, result } = await confirm(order.id, { accessToken: token });
    const attachments = await attachmentsOf(result.outboxId);
    expect(attachments).toHaveLength(20);
    expect(attachments.filter((a) => a.cid?.startsWith("qr-"))).toHaveLength(19);
    expect(attachments.at(-1)?.contentType).toBe("text/calendar");
    const { text } = await db.emailOutbox.findUniqueOrThrow({ where: { id: result.outboxId } });
    expect(text).toContain("Open your passes page to show this ticket's QR code.");
    expect(tickets).toHaveLength(22);
  });

  it("attaches every ticket as a PDF page when the organizer asks, its QR codes the tickets' codes", async () => {
    const { organizer, order, token } = await paidOrder(2);
    await db.organizer.update({ where: { id: organizer.id }, data: { attachTicketsPdf: true } });
    const { tickets, result } = await confirm(order.id, { accessToken: token });
    const attachments = await attachmentsOf(result.outboxId);
    const pdfs = attachments.filter((a) => a.contentType === "application/pdf");
    expect(pdfs).toHaveLength(1);
    const pages = await readPdf(new Uint8Array(Buffer.from(pdfs[0]!.contentBase64, "base64")));
    expect(pages.map((page) => decodeQrImage(page.images[0]!)).sort()).toEqual(
      tickets.map((ticket) => ticket.secret).sort(),
    );
    const { text } = await db.emailOutbox.findUniqueOrThrow({ where: { id: result.outboxId } });
    expect(text).toContain("The attached PDF has every ticket on its own page.");
  });

  it("keeps within 20 attachments with the PDF too: one QR code fewer inline", async () => {
    const { organizer, order, token } = await paidOrder(22);
    await db.organizer.update({ where: { id: organizer.id }, data: { attachTicketsPdf: true } });
    const { result } = await confirm(order.id, { accessToken: token });
    const attachments = await attachmentsOf(result.outboxId);
    expect(attachments).toHaveLength(20);
    expect(attachments.filter((a) => a.cid?.startsWith("qr-"))).toHaveLength(18);
    expect(attachments.filter((a) => a.contentType === "application/pdf")).toHaveLength(1);
  });

  it("only confirms paid orders with valid tickets", async () => {
    const { organizer } = await createOrganizerWithOwner("green-room");
    const { event, general } = await createPassesEvent(organizer.id);
    const { order } = await createPassesOrder(event, [{ tier: general, quantity: 1 }], { status: "pending" });
    await expect(
      db.$transaction((tx) => queueOrderConfirmation(tx, order.id, { storage })),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await db.emailOutbox.count()).toBe(0);
  });
});
