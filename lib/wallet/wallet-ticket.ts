// One ticket as a wallet pass shows it: the code the door scans, the event, where and when, who holds it.

export interface WalletTicket {
  ticketId: string;
  /** The signed ticket code: the barcode's message, exactly what the QR on the passes page carries. */
  code: string;
  shortCode: string;
  tierName: string;
  holderName: string;
  orderReference: string;
  organizerName: string;
  event: {
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    /** The start as the event's own clock reads it, e.g. "Sat, Dec 12, 2026, 8:00 PM PST". */
    startsAtLocal: string;
    venueName: string;
    address: string | null;
    latitude: number | null;
    longitude: number | null;
  };
  /** The buyer's passes page, linked from the back of the pass. */
  passesUrl: string;
}
