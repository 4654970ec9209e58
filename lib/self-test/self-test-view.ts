// The admin self-test's report (JSON of POST /api/tickets/admin/self-test). Plain types only, so client
// components can import them.
export const SELF_TEST_STEPS = [
  { key: "hold", label: "Hold seats (checkout)" },
  { key: "payment", label: "Payment: signed test event through the webhook pipeline" },
  { key: "tickets", label: "Tickets issued" },
  { key: "email", label: "Confirmation email queued and sent" },
  { key: "checkin", label: "Check-in scan admitted" },
  { key: "refund", label: "Refund through Stripe test mode" },
  { key: "void", label: "Tickets void: refunded, revoked, refused at the door" },
] as const;

export type SelfTestStepKey = (typeof SELF_TEST_STEPS)[number]["key"];

export interface SelfTestStepResult {
  key: SelfTestStepKey;
  label: string;
  /** passed: green; failed: red, with `error`; skipped: an earlier step failed. */
  status: "passed" | "failed" | "skipped";
  durationMs: number;
  error: string | null;
  /** What the step saw (ids, counts), for the admin. */
  detail: string | null;
}

export interface SelfTestReport {
  ok: boolean;
  startedAt: string;
  durationMs: number;
  orderId: string | null;
  steps: SelfTestStepResult[];
}
