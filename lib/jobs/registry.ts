// Every job the worker knows, and the periodic sweeps. Add a definition here when you add a job.
import "server-only";
import type { JobDefinition } from "@/lib/jobs/define-job";
import type { Schedule } from "@/lib/jobs/worker";
import { sendEmailJob } from "@/lib/email/send-email-job";
import { sweepVerificationTokensJob } from "@/lib/auth/sweep-verification-tokens";
import { sweepRateLimitsJob } from "@/lib/rate-limit/sweep-rate-limits";
import { sweepIdempotencyKeysJob } from "@/lib/idempotency/sweep-idempotency-keys";
import { expireHoldsJob } from "@/lib/inventory/expire-holds";
import { processStripeEventJob } from "@/lib/webhooks/process-stripe-event";
import { submitRefundJob } from "@/lib/refunds/submit-refund-job";
import { settleRefundJob } from "@/lib/refunds/settle-refund-job";
import { cancelEventRefundsJob } from "@/lib/events/cancel-event-job";
import { expireCheckoutSessionJob } from "@/lib/checkout/expire-checkout-session-job";
import { sendOrderLinksJob } from "@/lib/orders/send-order-links-job";
import { sendEventRemindersJob } from "@/lib/reminders/send-event-reminders";

export const jobDefinitions: JobDefinition[] = [
  sendEmailJob,
  sweepRateLimitsJob,
  sweepIdempotencyKeysJob,
  sweepVerificationTokensJob,
  processStripeEventJob,
  expireHoldsJob,
  submitRefundJob,
  settleRefundJob,
  cancelEventRefundsJob,
  expireCheckoutSessionJob,
  sendOrderLinksJob,
  sendEventRemindersJob,
];

export const jobSchedules: Schedule[] = [
  { job: expireHoldsJob, everyMs: 60_000 },
  { job: sweepRateLimitsJob, everyMs: 10 * 60_000 },
  { job: sweepIdempotencyKeysJob, everyMs: 10 * 60_000 },
  { job: sweepVerificationTokensJob, everyMs: 10 * 60_000 },
  { job: sendEventRemindersJob, everyMs: 5 * 60_000 },
];
