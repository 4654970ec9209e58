// Tries each provider in order, each under its own timeout; the first success wins.
import { env } from "@/lib/env";
import type { EmailMessage, EmailProvider } from "@/lib/email/types";

export interface ProviderFailure {
  provider: string;
  error: string;
}

export class EmailDeliveryError extends Error {
  override name = "EmailDeliveryError";
  readonly failures: ProviderFailure[];

  constructor(message: string, failures: ProviderFailure[]) {
    super(message);
    this.failures = failures;
  }
}

export interface ChainResult {
  provider: string;
  messageId: string;
  /** Providers that failed before the one that succeeded. */
  failures: ProviderFailure[];
}

class ProviderTimeoutError extends Error {
  override name = "TimeoutError";
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.replace(/\s+/g, " ").slice(0, 500);
}

/** Runs one provider; rejects when it fails or when `timeoutMs` passes first (and aborts its signal). */
async function sendWithTimeout(
  provider: EmailProvider,
  message: EmailMessage,
  timeoutMs: number,
): Promise<{ messageId: string }> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ProviderTimeoutError(`timed out after ${timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    // race() also observes a late rejection from a provider that was cut off, so nothing goes unhandled.
    return await Promise.race([provider.send(message, { signal: controller.signal }), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export async function sendWithChain(
  message: EmailMessage,
  providers: readonly EmailProvider[],
  options: { timeoutMs?: number } = {},
): Promise<ChainResult> {
  if (providers.length === 0) {
    throw new EmailDeliveryError(
      "No email provider is configured: set RESEND_API_KEY or SMTP_URL (or DEV_MAILBOX=true outside production or with STRIPE_TEST_MODE=true).",
      [],
    );
  }
  const timeoutMs = options.timeoutMs ?? env.EMAIL_PROVIDER_TIMEOUT_MS;
  const failures: ProviderFailure[] = [];
  for (const provider of providers) {
    try {
      const { messageId } = await sendWithTimeout(provider, message, timeoutMs);
      return { provider: provider.name, messageId, failures };
    } catch (error) {
      failures.push({ provider: provider.name, error: errorText(error) });
    }
  }
  throw new EmailDeliveryError(
    `Every email provider failed: ${failures.map((f) => `${f.provider}: ${f.error}`).join("; ")}`,
    failures,
  );
}
