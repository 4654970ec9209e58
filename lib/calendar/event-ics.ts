// A minimal RFC 5545 (iCalendar) writer for one event: CRLF line ends, TEXT escaping, 75-octet folding,
// times in UTC. Pure: no I/O, safe for the client too.

export interface IcsEventInput {
  /** Stable and globally unique, e.g. `order-<id>@tickets.example.com`: re-importing updates the entry. */
  uid: string;
  title: string;
  description?: string | null;
  location?: string | null;
  startsAt: Date;
  endsAt: Date;
  /** An http(s) link shown with the entry; anything else is left out. */
  url?: string | null;
  /** Named in the description ("Presented by …"). Not written as ORGANIZER, which needs a mailto: address and
   * makes some clients treat the entry as a meeting invitation. */
  organizerName?: string | null;
  /** DTSTAMP; defaults to now. */
  now?: Date;
}

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;

/** The whole VCALENDAR text, ending with CRLF. */
export function eventToIcs(input: IcsEventInput): string {
  const description = [
    input.organizerName ? `Presented by ${input.organizerName}` : null,
    input.description?.trim() || null,
    safeUrl(input.url),
  ]
    .filter((part): part is string => Boolean(part))
    .join("\n\n");
  const url = safeUrl(input.url);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Stagedoor//Tickets//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${escapeIcsText(input.uid)}`,
    `DTSTAMP:${formatIcsUtc(input.now ?? new Date())}`,
    `DTSTART:${formatIcsUtc(input.startsAt)}`,
    `DTEND:${formatIcsUtc(input.endsAt)}`,
    `SUMMARY:${escapeIcsText(input.title)}`,
    ...(description ? [`DESCRIPTION:${escapeIcsText(description)}`] : []),
    ...(input.location?.trim() ? [`LOCATION:${escapeIcsText(input.location.trim())}`] : []),
    ...(url ? [`URL:${url}`] : []),
    "STATUS:CONFIRMED",
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}

/**
 * TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash; any line break
 * (CRLF, LF or CR) becomes `\n`; other control characters, which TEXT may not carry, are dropped.
 */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .split("")
    .filter((char) => !isControlCharacter(char))
    .join("");
}

/** C0 controls except horizontal tab, and DEL. */
function isControlCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}

/**
 * Folds a content line (RFC 5545 §3.1) so no physical line exceeds 75 octets: continuation lines start
 * with one space. Splits between UTF-8 characters, never inside one.
 */
export function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let currentOctets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = "";
      currentOctets = 0;
      limit = MAX_LINE_OCTETS - 1; // the leading space counts
    }
    current += char;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** `20261228T040000Z`: a DATE-TIME in UTC form. */
export function formatIcsUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("invalid date");
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
