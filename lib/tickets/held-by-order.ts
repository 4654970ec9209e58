// Which of an order's tickets its link (and its buyer's email) shows: all but those issued by a transfer. A
// transferred-in ticket belongs to its recipient alone (their own link, lib/tickets/resolve-ticket-access.ts):
// the buyer sees the ticket they sent as "Transferred to <name>", never the new code.
import type { Prisma } from "@/lib/db";

export const heldByOrder = { receivedVia: { is: null } } as const satisfies Prisma.TicketWhereInput;
