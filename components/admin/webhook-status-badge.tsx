import { badgeClass, type Tone } from "@/components/ui/styles";
import type { WebhookStatusJson } from "@/lib/webhooks/webhook-event-view";

const TONES: Record<WebhookStatusJson, Tone> = {
  pending: "accent",
  processed: "ok",
  ignored: "neutral",
  failed: "bad",
};

/** A stored Stripe event's status; `failed` is a dead letter (red). */
export function WebhookStatusBadge({ status, testId }: { status: WebhookStatusJson; testId?: string }) {
  return (
    <span className={badgeClass(TONES[status])} data-testid={testId}>
      {status}
    </span>
  );
}
