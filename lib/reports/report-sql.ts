// Which stored rows the reports count, as SQL fragments shared by the summary, the dashboard and the metrics,
// so the three always agree:
// - a charged order: sold online (channel online) and paid, partially refunded or refunded. A fully refunded
//   order stays in gross because its refunds are counted in refunds; pending, expired and cancelled orders
//   never took money we kept (a late payment on a cancelled order is refunded whole, and left out of both).
// - a refund: a succeeded Refund row of a charged order. Its platform part is what Stripe refunded of the
//   application fee (applicationFeeRefundedMinor) once settled, else what our allocation says it owes
//   (applicationFeeMinor), else nothing (a refund made in the Stripe dashboard or a lost dispute returns no fee).
// - a comp: channel comp, not pending, expired or cancelled; zero money, counted apart.
// Sums come back as float8 so the driver returns numbers (exact: integers far below 2^53).
import "server-only";
import { Prisma } from "@/lib/db/generated/client";

/** The order row aliased `order` is a charged online order. */
export function chargedOrder(order: string): Prisma.Sql {
  const o = Prisma.raw(order);
  return Prisma.sql`${o}.channel = 'online' AND ${o}.status IN ('paid', 'partially_refunded', 'refunded')`;
}

/** The order row aliased `order` is a comp the organizer still stands by. */
export function compOrder(order: string): Prisma.Sql {
  const o = Prisma.raw(order);
  return Prisma.sql`${o}.channel = 'comp' AND ${o}.status IN ('paid', 'partially_refunded', 'refunded')`;
}

/** The platform's part of the refund row aliased `refund`, in minor units. */
export function platformRefundPart(refund: string): Prisma.Sql {
  const r = Prisma.raw(refund);
  return Prisma.sql`coalesce(${r}.application_fee_refunded_minor, ${r}.application_fee_minor, 0)`;
}

/**
 * The tax lines of the order row aliased `order` that parseStoredTaxLines would keep (an object with a text
 * name and a whole amountMinor), as rows `t(line)`: use in FROM … CROSS JOIN LATERAL.
 */
export function storedTaxLines(order: string): Prisma.Sql {
  const o = Prisma.raw(order);
  return Prisma.sql`(SELECT line FROM jsonb_array_elements(
      CASE WHEN jsonb_typeof(${o}.tax_lines) = 'array' THEN ${o}.tax_lines ELSE '[]'::jsonb END) AS line
    WHERE jsonb_typeof(line) = 'object' AND jsonb_typeof(line->'name') = 'string'
      AND jsonb_typeof(line->'amountMinor') = 'number' AND (line->>'amountMinor') ~ '^-?[0-9]+$')`;
}
