// The "order-confirmation" template on its own (rendered through the registry, as queueEmail does).
import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/email/render-email";
import type { EmailTemplateProps } from "@/lib/email/templates";

const props = (): EmailTemplateProps<"order-confirmation"> => ({
  orderId: "ord_1",
  buyerName: "Ana Lima",
  passesUrl: "https://tickets.example.com/tickets/order/ord_1?token=abc&x=1",
  currency: "cad",
  event: {
    title: "The Night Owls",
    organizerName: "Blue Room",
    startsAtLocal: "Fri, Dec 27, 2030, 8:00 p.m. PST",
    endsAtLocal: "Fri, Dec 27, 2030, 11:30 p.m. PST",
    timezone: "America/Vancouver",
    venueName: "The Loft",
    address: "123 Granville St, Vancouver, BC, CA",
  },
  logoCid: "organizer-logo",
  coverCid: "event-cover",
  lines: [
    {
      tierName: "General Admission",
      quantity: 2,
      unitPriceMinor: 2500,
      discountMinor: 500,
      feeMinor: 300,
      taxMinor: 0,
      totalMinor: 5300,
    },
  ],
  taxLines: [
    { name: "GST", rateBps: 500, inclusive: false, amountMinor: 240 },
    { name: "PST", rateBps: 700, inclusive: false, amountMinor: 336 },
  ],
  totals: { subtotalMinor: 5000, discountMinor: 500, feeMinor: 300, taxMinor: 576, totalMinor: 5376 },
  passes: [
    {
      ticketId: "t1",
      shortCode: "AAAA1111",
      tierName: "General Admission",
      holderName: "Ana Lima",
      qrCid: "qr-t1",
    },
    {
      ticketId: "t2",
      shortCode: "BBBB2222",
      tierName: "General Admission",
      holderName: "Ana Lima",
      qrCid: "qr-t2",
    },
    { ticketId: "t3", shortCode: "CCCC3333", tierName: "General Admission", holderName: null, qrCid: null },
  ],
});

describe("order-confirmation email", () => {
  it("references every inline image by cid and links the passes page", async () => {
    const email = await renderEmail("order-confirmation", props());
    expect(email.subject).toBe("Your tickets for The Night Owls");
    for (const cid of ["qr-t1", "qr-t2", "organizer-logo", "event-cover"]) {
      expect(email.html).toContain(`src="cid:${cid}"`);
    }
    expect(email.html).not.toContain("cid:qr-t3");
    expect(email.html).not.toMatch(/src="https?:/); // nothing for the mail client to fetch
    expect(email.html).toContain('href="https://tickets.example.com/tickets/order/ord_1?token=abc&amp;x=1"');
  });

  it("has a plain-text part with the event, time zone, every money line and every pass", async () => {
    const { text } = await renderEmail("order-confirmation", props());
    for (const expected of [
      "The Night Owls",
      "Blue Room presents",
      "Starts: Fri, Dec 27, 2030, 8:00 p.m. PST",
      "America/Vancouver",
      "Venue: The Loft",
      "123 Granville St, Vancouver, BC, CA",
      "2 × General Admission at $25.00",
      "Discount",
      "−$5.00",
      "Service fee",
      "GST (5%)",
      "$2.40",
      "PST (7%)",
      "$3.36",
      "Total paid",
      "$53.76",
      "Box office code: AAAA1111",
      "Box office code: BBBB2222",
      "Box office code: CCCC3333",
      "Order ORD_1.",
      "Open your passes page to show this ticket's QR code.",
      "https://tickets.example.com/tickets/order/ord_1?token=abc&x=1",
      ".ics",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("leaves out images it was not given and says when taxes are included", async () => {
    const email = await renderEmail("order-confirmation", {
      ...props(),
      logoCid: null,
      coverCid: undefined,
      taxLines: [{ name: "VAT", rateBps: 2000, inclusive: true, amountMinor: 900 }],
    });
    expect(email.html).not.toContain("cid:organizer-logo");
    expect(email.html).not.toContain("cid:event-cover");
    expect(email.text).toContain("VAT (20%, included in prices)");
  });

  it("escapes user text and rejects unsafe links or cids", async () => {
    const email = await renderEmail("order-confirmation", {
      ...props(),
      buyerName: "<img src=x onerror=alert(1)>",
      event: { ...props().event, title: "Evil\r\nBcc: victim@example.com" },
    });
    expect(email.html).not.toContain("<img src=x");
    expect(email.subject).toBe("Your tickets for Evil Bcc: victim@example.com");
    await expect(
      renderEmail("order-confirmation", { ...props(), passesUrl: "javascript:alert(1)" }),
    ).rejects.toMatchObject({ code: "validation", fields: [{ field: "passesUrl" }] });
    await expect(
      renderEmail("order-confirmation", { ...props(), logoCid: 'x" onerror="alert(1)' }),
    ).rejects.toMatchObject({ code: "validation", fields: [{ field: "logoCid" }] });
    await expect(renderEmail("order-confirmation", { ...props(), passes: [] })).rejects.toMatchObject({
      code: "validation",
    });
  });
});
