import "server-only";
import { db } from "@/lib/db";
import { FRAUD_RULES, FRAUD_SIGNAL_KINDS, type FraudSignalKind } from "@/lib/fraud/fraud-rules";

export interface FraudSignalView {
  kind: FraudSignalKind;
  description: string;
  organizerId: string;
  eventId: string | null;
  key: string;
  count: number;
  threshold: number;
  windowStart: string;
  windowMs: number;
  firstSeenAt: string;
  lastSeenAt: string;
  trippedAt: string;
}

/** Tripped signals across the platform, most recent first (platform admins only: see the route). */
export async function listFraudSignals(limit = 200): Promise<FraudSignalView[]> {
  const rows = await db.fraudSignal.findMany({
    where: { trippedAt: { not: null }, kind: { in: [...FRAUD_SIGNAL_KINDS] } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map((row) => {
    const kind = row.kind as FraudSignalKind;
    return {
      kind,
      description: FRAUD_RULES[kind].description,
      organizerId: row.organizerId,
      eventId: row.eventId,
      key: row.key,
      count: row.count,
      threshold: FRAUD_RULES[kind].threshold,
      windowStart: row.windowStart.toISOString(),
      windowMs: row.windowMs,
      firstSeenAt: row.firstSeenAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      trippedAt: (row.trippedAt ?? row.lastSeenAt).toISOString(),
    };
  });
}
