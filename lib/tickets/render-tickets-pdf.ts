// Printable tickets: one page per ticket (5.5 × 8.5 in) with the QR code of its signed code, the event, the
// venue, the time in the event's zone with the zone named, tier, holder, order reference and the organizer's
// logo. pdf-lib, pure JS. The standard Helvetica only encodes WinAnsi (Latin-1 and a few more): other
// characters print as "?" rather than failing the download; the QR code carries the code either way.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage } from "pdf-lib";

export interface TicketsPdfLogo {
  bytes: Uint8Array;
  kind: "png" | "jpg";
}

export interface TicketsPdfTicket {
  shortCode: string;
  tierName: string;
  holderName: string;
  /** The QR code of the ticket's code, as renderTicketQrPng draws it. */
  qrPng: Uint8Array;
  /** 1-based, among the order's valid tickets. */
  position: number;
}

export interface TicketsPdfInput {
  organizerName: string;
  logo: TicketsPdfLogo | null;
  event: {
    title: string;
    /** "Fri, Dec 27, 2030, 8:00 p.m. PST" (formatEventTime). */
    startsAtLocal: string;
    /** IANA name, printed beside the time. */
    timezone: string;
    venueName: string;
    address: string | null;
  };
  orderReference: string;
  /** The order's valid tickets, for "Ticket 2 of 3". */
  ticketCount: number;
  tickets: TicketsPdfTicket[];
}

const PAGE: [number, number] = [396, 612];
const MARGIN = 36;
const QR_SIZE = 216;
const DETAILS_HEIGHT = 104;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function renderTicketsPdf(input: TicketsPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  doc.setTitle(printable(fonts.regular, `${input.event.title} — tickets ${input.orderReference}`));
  doc.setAuthor(printable(fonts.regular, input.organizerName));
  doc.setCreator("Stagedoor");
  doc.setProducer("Stagedoor");

  const logo = input.logo ? await embedLogo(doc, input.logo) : null;
  for (const ticket of input.tickets) {
    drawTicketPage(doc.addPage(PAGE), fonts, logo, input, ticket, await doc.embedPng(ticket.qrPng));
  }
  return doc.save();
}

async function embedLogo(doc: PDFDocument, logo: TicketsPdfLogo): Promise<PDFImage | null> {
  try {
    return logo.kind === "png" ? await doc.embedPng(logo.bytes) : await doc.embedJpg(logo.bytes);
  } catch {
    // An upload that passed the magic-byte check but does not parse: the tickets go without the logo.
    return null;
  }
}

function drawTicketPage(
  page: PDFPage,
  fonts: Fonts,
  logo: PDFImage | null,
  input: TicketsPdfInput,
  ticket: TicketsPdfTicket,
  qr: PDFImage,
): void {
  const [width, height] = PAGE;
  const textWidth = width - 2 * MARGIN;
  let y = height - MARGIN;

  const line = (
    text: string,
    options: { size: number; bold?: boolean; color?: typeof INK; gap?: number },
  ) => {
    const font = options.bold ? fonts.bold : fonts.regular;
    for (const part of wrap(font, printable(font, text), options.size, textWidth)) {
      y -= options.size;
      page.drawText(part, { x: MARGIN, y, size: options.size, font, color: options.color ?? INK });
      y -= options.size * 0.35;
    }
    y -= options.gap ?? 0;
  };

  if (logo) {
    const scale = Math.min(140 / logo.width, 44 / logo.height, 1);
    y -= logo.height * scale;
    page.drawImage(logo, { x: MARGIN, y, width: logo.width * scale, height: logo.height * scale });
    y -= 10;
  }
  line(input.organizerName, { size: 9, color: MUTED, gap: 4 });
  line(input.event.title, { size: 18, bold: true, gap: 6 });
  line(input.event.startsAtLocal, { size: 11 });
  line(`Time zone: ${input.event.timezone}`, { size: 9, color: MUTED, gap: 6 });
  line(input.event.venueName, { size: 11, bold: true });
  if (input.event.address) line(input.event.address, { size: 9, color: MUTED });

  // The code and the four detail rows below the QR take DETAILS_HEIGHT: a long title, address and a logo
  // shrink the QR (still well above what a scanner needs) rather than push the details off the page.
  const qrTop = Math.min(y - 12, height - MARGIN - 190);
  const qrSize = Math.min(QR_SIZE, qrTop - MARGIN - DETAILS_HEIGHT);
  page.drawImage(qr, { x: (width - qrSize) / 2, y: qrTop - qrSize, width: qrSize, height: qrSize });
  y = qrTop - qrSize - 4;
  const code = printable(fonts.bold, ticket.shortCode);
  y -= 12;
  page.drawText(code, {
    x: (width - fonts.bold.widthOfTextAtSize(code, 12)) / 2,
    y,
    size: 12,
    font: fonts.bold,
    color: INK,
  });
  y -= 18;

  const rows: [string, string][] = [
    ["Ticket", `${ticket.position} of ${input.ticketCount}`],
    ["Tier", ticket.tierName],
    ["Holder", ticket.holderName],
    ["Order", input.orderReference],
  ];
  for (const [label, value] of rows) {
    y -= 11;
    page.drawText(label, { x: MARGIN, y, size: 9, font: fonts.regular, color: MUTED });
    const shown = wrap(fonts.bold, printable(fonts.bold, value), 11, textWidth - 70)[0] ?? "";
    page.drawText(shown, { x: MARGIN + 70, y, size: 11, font: fonts.bold, color: INK });
    y -= 6;
  }

  page.drawText("Each code admits one person once. Anyone holding this page can use it: keep it private.", {
    x: MARGIN,
    y: MARGIN - 12,
    size: 7,
    font: fonts.regular,
    color: MUTED,
  });
}

/** The text with whitespace runs as single spaces and every character the font cannot encode as "?". */
export function printable(font: PDFFont, text: string): string {
  return Array.from(text.replace(/\s+/g, " ").trim())
    .map((char) => {
      try {
        font.encodeText(char);
        return char;
      } catch {
        return "?";
      }
    })
    .join("");
}

/** Greedy word wrap to `maxWidth`; a single word longer than a line is cut. At most three lines. */
function wrap(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    while (font.widthOfTextAtSize(current, size) > maxWidth && current.length > 1) {
      let cut = current.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(current.slice(0, cut), size) > maxWidth) cut -= 1;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current) lines.push(current);
  if (lines.length <= 3) return lines;
  return [...lines.slice(0, 2), `${lines[2]}…`];
}
