import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** The dev mailbox exists only when DEV_MAILBOX is on (the default outside production). */
export function isDevMailboxEnabled(): boolean {
  return env.DEV_MAILBOX;
}

/** A 404, so a production deployment does not even reveal that the mailbox exists. */
export function assertDevMailboxEnabled(): void {
  if (!isDevMailboxEnabled()) throw AppError.notFound();
}
