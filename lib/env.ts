// The only place that reads process.env. Everything else imports `env` from here.
import { z } from "zod";

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["true", "1", "yes", "on"].includes(v)));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const DEV_AUTH_SECRET = "stagedoor-development-secret-do-not-use-in-production";

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Set by the launcher to the embedded database when not given. */
    DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    /**
     * Connections per process. The embedded database serves every connection from one Postgres session, so
     * the launcher sets 1 there (statements from two connections must never interleave).
     */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    APP_URL: z.url().default("http://localhost:3000"),
    /**
     * Proxies in front of the app that append to X-Forwarded-For; the client IP (for per-IP limits) is the
     * entry this many from the right. 0: none trusted, every client shares one per-IP bucket.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    AUTH_SECRET: optionalString,
    ADMIN_EMAILS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.email())),
    ENABLE_TICKETING: bool(true),
    TICKETING_CHECKOUT: bool(true),
    TICKETING_REFUNDS: bool(true),
    TICKETING_SCANNING: bool(true),
    TICKETING_PAYOUTS: bool(true),
    EMAIL_FROM: z.string().default("Stagedoor <tickets@stagedoor.localhost>"),
    RESEND_API_KEY: optionalString,
    /** Override for Resend's API address (tests point it at a local endpoint). */
    RESEND_BASE_URL: optionalString.pipe(z.url().optional()),
    SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
    EMAIL_PROVIDER_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /**
     * Shows every message (sign-in links included) at /tickets/dev/mailbox. Defaults to on outside production
     * and, in production, only with STRIPE_TEST_MODE=true; in production it cannot be on without it.
     */
    DEV_MAILBOX: optionalString.pipe(z.enum(["true", "false"]).optional()),
    /**
     * Production without Stripe keys runs only when this is true: payments are then simulated by the built-in
     * test-mode pages, and every page and email says so. Outside production, no keys means the same anyway.
     */
    STRIPE_TEST_MODE: bool(false),
    STRIPE_SECRET_KEY: optionalString.pipe(z.string().startsWith("sk_").optional()),
    STRIPE_WEBHOOK_SECRET: optionalString.pipe(z.string().startsWith("whsec_").optional()),
    STRIPE_CONNECT_WEBHOOK_SECRET: optionalString.pipe(z.string().startsWith("whsec_").optional()),
    /** Points the Stripe SDK at another address (tests use a local stand-in), e.g. http://127.0.0.1:12111 */
    STRIPE_API_BASE: optionalString.pipe(z.url().optional()),
    /** How long one Stripe API call may take before it counts as failed (the SDK retries it twice). */
    STRIPE_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
    /** destination (default: on_behalf_of the organizer + application fee) or direct (Stripe-Account header). */
    STRIPE_CHARGE_TYPE: z.enum(["destination", "direct"]).default("destination"),
    /** Connect account type created at onboarding. */
    STRIPE_CONNECT_ACCOUNT_KIND: z.enum(["express", "standard"]).default("express"),
    /** Where uploads (cover images, logos) go: a local folder under DATA_DIR, or an S3-compatible bucket. */
    STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
    S3_ENDPOINT: optionalString.pipe(z.url().optional()),
    S3_REGION: z.string().default("auto"),
    S3_BUCKET: optionalString,
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    /** Public base URL of the bucket's objects (CDN or bucket website). */
    S3_PUBLIC_URL: optionalString.pipe(z.url().optional()),
    /**
     * Apple Wallet passes (lib/wallet): the Pass Type ID and Team ID from Apple's developer portal, the pass
     * certificate and its private key, and Apple's WWDR intermediate certificate, as PEM text (newlines may be
     * written as \n) or base64 of the PEM. All or none; without them "Add to Apple Wallet" is hidden.
     */
    APPLE_WALLET_PASS_TYPE_ID: optionalString,
    APPLE_WALLET_TEAM_ID: optionalString,
    APPLE_WALLET_SIGNER_CERT: optionalString,
    APPLE_WALLET_SIGNER_KEY: optionalString,
    APPLE_WALLET_SIGNER_KEY_PASSPHRASE: optionalString,
    APPLE_WALLET_WWDR_CERT: optionalString,
    /** Google Wallet: the issuer id and the service account's JSON key (or base64 of it). Both or neither. */
    GOOGLE_WALLET_ISSUER_ID: optionalString.pipe(z.string().regex(/^\d+$/).optional()),
    GOOGLE_WALLET_SERVICE_ACCOUNT: optionalString,
    /** Platform fee per paid ticket: fixed part (minor units) + percent (basis points), clamped per ticket. */
    PLATFORM_FEE_FIXED_MINOR: z.coerce.number().int().min(0).default(99),
    PLATFORM_FEE_PERCENT_BPS: z.coerce.number().int().min(0).max(5000).default(250),
    PLATFORM_FEE_MIN_MINOR: z.coerce.number().int().min(0).default(0),
    PLATFORM_FEE_MAX_MINOR: z.coerce.number().int().min(0).default(2000),
    /** Run the job worker inside the web process (turn off when running `npm run worker` separately). */
    RUN_WORKER: bool(true),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATA_DIR: z.string().default(".data"),
    /** Set by Next.js; runtime-only requirements are not enforced while building. */
    NEXT_PHASE: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    // `next build` runs with NODE_ENV=production but without the runtime's secrets.
    const productionRuntime = v.NODE_ENV === "production" && v.NEXT_PHASE !== "phase-production-build";
    if (productionRuntime && !v.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    }
    // Auth.js marks cookies Secure (and browsers keep HSTS) only over https; plain http only on this machine.
    if (
      productionRuntime &&
      !/^https:|^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(v.APP_URL)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_URL"],
        message: "must be https in production (http only for localhost / 127.0.0.1)",
      });
    }
    if (productionRuntime && !v.STRIPE_SECRET_KEY && !v.STRIPE_TEST_MODE) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_SECRET_KEY"],
        message:
          "is required in production: set STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET), or STRIPE_TEST_MODE=true to run simulated payments",
      });
    }
    if (v.STRIPE_TEST_MODE && v.STRIPE_SECRET_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_TEST_MODE"],
        message:
          "cannot be combined with STRIPE_SECRET_KEY: unset one (test mode simulates payments, a key sends them to Stripe)",
      });
    }
    if (productionRuntime && v.DEV_MAILBOX === "true" && !v.STRIPE_TEST_MODE) {
      ctx.addIssue({
        code: "custom",
        path: ["DEV_MAILBOX"],
        message:
          "shows every email, sign-in links included: in production it can only be on with STRIPE_TEST_MODE=true",
      });
    }
    if (v.STORAGE_DRIVER === "s3") {
      for (const key of [
        "S3_ENDPOINT",
        "S3_BUCKET",
        "S3_ACCESS_KEY_ID",
        "S3_SECRET_ACCESS_KEY",
        "S3_PUBLIC_URL",
      ] as const) {
        if (!v[key])
          ctx.addIssue({ code: "custom", path: [key], message: "is required when STORAGE_DRIVER=s3" });
      }
    }
    const appleWallet = [
      "APPLE_WALLET_PASS_TYPE_ID",
      "APPLE_WALLET_TEAM_ID",
      "APPLE_WALLET_SIGNER_CERT",
      "APPLE_WALLET_SIGNER_KEY",
      "APPLE_WALLET_WWDR_CERT",
    ] as const;
    if (appleWallet.some((key) => v[key])) {
      for (const key of appleWallet) {
        if (!v[key])
          ctx.addIssue({ code: "custom", path: [key], message: "is required for Apple Wallet passes" });
      }
    }
    const googleWallet = ["GOOGLE_WALLET_ISSUER_ID", "GOOGLE_WALLET_SERVICE_ACCOUNT"] as const;
    if (googleWallet.some((key) => v[key])) {
      for (const key of googleWallet) {
        if (!v[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required for Google Wallet" });
      }
    }
    if (v.AUTH_SECRET && v.AUTH_SECRET.length < 32) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "must be at least 32 characters" });
    }
  })
  .transform((v) => ({
    ...v,
    AUTH_SECRET: v.AUTH_SECRET ?? DEV_AUTH_SECRET,
    DEV_MAILBOX:
      v.DEV_MAILBOX === undefined
        ? v.NODE_ENV !== "production" || v.STRIPE_TEST_MODE
        : v.DEV_MAILBOX === "true",
  }));

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; the error names every bad or missing variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
  throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

export const env: Env = new Proxy({} as Env, {
  get(_target, key: string) {
    cached ??= parseEnv(process.env);
    return cached[key as keyof Env];
  },
});

/** Validates now (at start-up) rather than at first use. */
export function loadEnv(): Env {
  cached = parseEnv(process.env);
  return cached;
}

/**
 * The dev pages (/tickets/dev/*, /api/tickets/dev/*: test-mode payment and onboarding, the mailbox) exist
 * outside production, and in production only when STRIPE_TEST_MODE=true chose test mode.
 */
export function devPagesEnabled(): boolean {
  return env.NODE_ENV !== "production" || env.STRIPE_TEST_MODE;
}

export function requireDatabaseUrl(): string {
  const url = env.DATABASE_URL;
  if (!url) {
    throw new EnvError(
      "Invalid environment configuration:\n  DATABASE_URL: is missing (start the app with `npm run dev` or `npm start`, which provide the embedded database)",
    );
  }
  return url;
}

/**
 * Hosts besides localhost that `next dev` serves its live-reload socket and development assets to
 * (next.config.ts `allowedDevOrigins`): the loopback address and APP_URL's host. Without them a page opened at
 * http://127.0.0.1:3000 never hydrates. An invalid APP_URL is left to loadEnv to report.
 */
export function devOriginHosts(source: Record<string, string | undefined> = process.env): string[] {
  const hosts = new Set(["127.0.0.1"]);
  if (source.APP_URL && URL.canParse(source.APP_URL)) hosts.add(new URL(source.APP_URL).hostname);
  hosts.delete("localhost");
  return [...hosts];
}
