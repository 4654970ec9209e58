// The admin's view of stored Stripe events (JSON of GET /api/tickets/admin/webhooks[/:id]). Plain types
// only, so client components can import them.
export const WEBHOOK_STATUSES = ["pending", "processed", "ignored", "failed"] as const;
export type WebhookStatusJson = (typeof WEBHOOK_STATUSES)[number];

export interface WebhookEventRow {
  id: string;
  type: string;
  account: string | null;
  livemode: boolean;
  status: WebhookStatusJson;
  attempts: number;
  lastError: string | null;
  receivedAt: string;
  processedAt: string | null;
}

export interface WebhookEventDetail extends WebhookEventRow {
  /** The stored event, exactly as verified. */
  payload: unknown;
  /** Only a dead letter (failed) can be replayed. */
  replayable: boolean;
}

export interface WebhookEventPage {
  events: WebhookEventRow[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** A dead-lettered event: processing gave up (or failed permanently). Only these are replayed. */
export function isReplayable(status: WebhookStatusJson): boolean {
  return status === "failed";
}
