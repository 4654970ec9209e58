// Test fixtures for the organizer order list: many orders written in one statement, with chosen ids,
// buyers, statuses, tiers and creation times (the list's search, filters and paging are about those columns
// only, so no tickets or holds).
import "server-only";
import { randomBytes } from "node:crypto";
import { db, type OrderStatus } from "@/lib/db";

export interface ListOrderSpec {
  id?: string;
  eventId: string;
  tierId: string;
  buyerName?: string;
  buyerEmail?: string;
  status?: OrderStatus;
  createdAt: Date;
}

/** A cuid-shaped id (lower-case letters and digits, 25 characters) ending in `tail`. */
export function orderIdEndingIn(tail: string): string {
  const body = BigInt(`0x${randomBytes(16).toString("hex")}`)
    .toString(36)
    .padStart(25, "0");
  return `c${body}`.slice(0, 25 - tail.length) + tail.toLowerCase();
}

export async function insertListOrders(organizerId: string, specs: ListOrderSpec[]): Promise<string[]> {
  const rows = specs.map((spec) => ({
    id: spec.id ?? orderIdEndingIn(""),
    organizerId,
    eventId: spec.eventId,
    status: spec.status ?? "paid",
    buyerEmail: spec.buyerEmail ?? "buyer@example.com",
    buyerName: spec.buyerName ?? "Buyer",
    currency: "cad",
    subtotalMinor: 2500,
    totalMinor: 2500,
    accessTokenHash: randomBytes(16).toString("hex"),
    createdAt: spec.createdAt,
  }));
  await db.order.createMany({ data: rows });
  await db.orderItem.createMany({
    data: rows.map((row, i) => ({
      orderId: row.id,
      tierId: specs[i]!.tierId,
      tierName: "GA",
      quantity: 1,
      unitPriceMinor: 2500,
      totalMinor: 2500,
    })),
  });
  return rows.map((row) => row.id);
}
