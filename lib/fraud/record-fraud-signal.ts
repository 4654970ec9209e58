// Counts one occurrence toward a fraud signal: one upsert on the counter of (kind, organizer, key, window),
// windows on the database's clock so every app instance counts into the same row. Reaching the threshold
// marks the row tripped and logs a warning, once per window. Never throws: a signal that cannot be stored
// is logged and the buyer's request goes on unaffected. Call it after the request's own work (outside its
// transaction), never inside a locked section.
import "server-only";
import { db } from "@/lib/db";
import { FRAUD_RULES, tripsAt, type FraudSignalKind } from "@/lib/fraud/fraud-rules";
import { log } from "@/lib/log";

export interface FraudObservation {
  kind: FraudSignalKind;
  organizerId: string;
  eventId?: string | null;
  /** What is counted: an IP address, an email, an email domain or a card fingerprint. */
  key: string;
}

export async function recordFraudSignal(observation: FraudObservation): Promise<number | null> {
  const { kind, organizerId, key } = observation;
  const eventId = observation.eventId ?? null;
  const { windowMs } = FRAUD_RULES[kind];
  try {
    const rows = await db.$queryRaw<{ id: string; count: number }[]>`
      INSERT INTO tickets_fraud_signals
        (id, kind, organizer_id, event_id, key, count, window_start, window_ms, first_seen_at, last_seen_at)
      VALUES (gen_random_uuid()::text, ${kind}, ${organizerId}, ${eventId}, ${key.slice(0, 320)}, 1,
              to_timestamp(floor(extract(epoch FROM now()) * 1000 / ${windowMs}::int) * ${windowMs}::int / 1000.0),
              ${windowMs}::int, now(), now())
      ON CONFLICT (kind, organizer_id, key, window_start) DO UPDATE
        SET count = tickets_fraud_signals.count + 1, last_seen_at = now(),
            event_id = COALESCE(EXCLUDED.event_id, tickets_fraud_signals.event_id)
      RETURNING id, count`;
    const row = rows[0];
    const count = row?.count ?? 0;
    if (row && tripsAt(kind, count)) {
      await db.$executeRaw`
        UPDATE tickets_fraud_signals SET tripped_at = now() WHERE id = ${row.id} AND tripped_at IS NULL`;
      log.warn(
        { event: "tickets.fraud.signal", kind, organizerId, eventId, key, count, windowMs },
        `fraud signal: ${FRAUD_RULES[kind].description}`,
      );
    }
    return count;
  } catch (error) {
    log.error(
      { event: "tickets.fraud.record_failed", kind, err: error instanceof Error ? error.message : error },
      "could not record a fraud signal",
    );
    return null;
  }
}
