// Test helper: override environment variables for one test and re-read lib/env; undo with restoreEnv().
import { vi } from "vitest";
import { loadEnv } from "@/lib/env";

/** Email settings start from "nothing configured" so a developer's shell cannot leak into a test. */
export function stubEmailEnv(values: Record<string, string>): void {
  const base: Record<string, string> = {
    RESEND_API_KEY: "",
    RESEND_BASE_URL: "",
    SMTP_URL: "",
    DEV_MAILBOX: "",
  };
  for (const [key, value] of Object.entries({ ...base, ...values })) vi.stubEnv(key, value);
  loadEnv();
}

export function restoreEnv(): void {
  vi.unstubAllEnvs();
  loadEnv();
}
