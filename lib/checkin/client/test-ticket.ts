// A synced ticket for the client's tests: ticket n, odd numbers VIP, even GA.
import type { CheckinTicket } from "@/lib/checkin/contract";

export function testTicket(n: number, patch: Partial<CheckinTicket> = {}): CheckinTicket {
  return {
    id: `cticket000000000000${String(n).padStart(6, "0")}`,
    tierId: n % 2 ? "tier_vip" : "tier_ga",
    holderName: `Holder ${n}`,
    holderEmail: `holder${n}@example.test`,
    status: "valid",
    disputed: false,
    codeHash: `hash-${n}`,
    admittedAt: null,
    admittedBy: null,
    ...patch,
  };
}
