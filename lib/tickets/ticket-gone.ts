// A refunded or void ticket asked for its QR code: 410 Gone as problem+json. (The shared error vocabulary
// in lib/errors.ts has no "gone" code; this is the one place that needs it.)

export const REFUNDED_TICKET_MESSAGE = "This ticket was refunded and is no longer valid";

export class TicketGoneError extends Error {
  override name = "TicketGoneError";
  constructor() {
    super(REFUNDED_TICKET_MESSAGE);
  }
}

export function isTicketGoneError(error: unknown): error is TicketGoneError {
  return error instanceof TicketGoneError;
}

export function ticketGoneResponse(): Response {
  const problem = {
    type: "https://stagedoor.dev/problems/gone",
    title: "Ticket no longer valid",
    status: 410,
    detail: REFUNDED_TICKET_MESSAGE,
    code: "gone",
  };
  return new Response(JSON.stringify(problem), {
    status: 410,
    headers: { "content-type": "application/problem+json", "cache-control": "private, no-store" },
  });
}
