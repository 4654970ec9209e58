import { describe, expect, it } from "vitest";
import { ticketChangeRefusal, type TicketChangeState } from "@/lib/tickets/ticket-change-refusal";

const startsAt = new Date("2030-12-28T04:00:00Z");
const before = new Date("2030-12-28T03:59:59Z");
const valid: TicketChangeState = {
  status: "valid",
  disputed: false,
  checkedIn: false,
  refundPending: false,
  eventStatus: "published",
  eventStartsAt: startsAt,
  transfersEnabled: true,
};

describe("ticketChangeRefusal", () => {
  it("allows both changes for a valid ticket until the event starts, and neither from its start", () => {
    expect(ticketChangeRefusal("transfer", valid, before)).toBeNull();
    expect(ticketChangeRefusal("rename", valid, before)).toBeNull();
    expect(ticketChangeRefusal("transfer", valid, startsAt)).toMatch(/until the event starts/);
    expect(ticketChangeRefusal("rename", valid, startsAt)).toMatch(/until the event starts/);
  });

  it("refuses every change of a ticket that is no longer valid, saying which state it is in", () => {
    for (const change of ["transfer", "rename"] as const) {
      expect(ticketChangeRefusal(change, { ...valid, status: "transferred" }, before)).toMatch(
        /already transferred/,
      );
      expect(ticketChangeRefusal(change, { ...valid, status: "refunded" }, before)).toMatch(/refunded/);
      expect(ticketChangeRefusal(change, { ...valid, status: "void" }, before)).toMatch(/void/);
      expect(ticketChangeRefusal(change, { ...valid, eventStatus: "cancelled" }, before)).toMatch(
        /cancelled/,
      );
    }
  });

  it("refuses a transfer of a used or disputed ticket, or when the organizer turned transfers off; a rename is still fine", () => {
    const cases: [Partial<TicketChangeState>, RegExp][] = [
      [{ checkedIn: true }, /used at the door/],
      [{ refundPending: true }, /refund of this ticket is in progress/],
      [{ disputed: true }, /under review/],
      [{ transfersEnabled: false }, /does not allow ticket transfers/],
    ];
    for (const [patch, message] of cases) {
      expect(ticketChangeRefusal("transfer", { ...valid, ...patch }, before)).toMatch(message);
      expect(ticketChangeRefusal("rename", { ...valid, ...patch }, before)).toBeNull();
    }
  });
});
