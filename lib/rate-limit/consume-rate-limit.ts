// Fixed-window rate limits kept in Postgres, so every app instance shares the same counters.
import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Requests left in the current window (0 once refused). */
  remaining: number;
  /** Seconds until the window resets; 0 when allowed. */
  retryAfterSeconds: number;
}

/**
 * Counts one request against `key` in a single atomic statement: the first request (or the first after the
 * window has passed) starts a new window with count 1; later ones increment. Time comes from the database
 * clock so instances with skewed clocks agree.
 */
export async function consumeRateLimit(
  key: string,
  rule: RateLimitRule,
  options: { db?: Db } = {},
): Promise<RateLimitResult> {
  if (!Number.isInteger(rule.limit) || rule.limit < 1)
    throw new Error("rate limit must be a positive integer");
  if (!Number.isInteger(rule.windowMs) || rule.windowMs < 1)
    throw new Error("rate limit window must be positive");
  const client = options.db ?? defaultDb;
  const rows = await client.$queryRaw<{ count: number; retry_ms: number }[]>`
    INSERT INTO tickets_rate_limits AS r (key, count, window_start, expires_at)
    VALUES (${key}, 1, now(), now() + make_interval(secs => ${rule.windowMs / 1000}::float8))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN r.expires_at <= now() THEN 1 ELSE LEAST(r.count, 2147483646) + 1 END,
      window_start = CASE WHEN r.expires_at <= now() THEN now() ELSE r.window_start END,
      expires_at = CASE WHEN r.expires_at <= now()
                        THEN now() + make_interval(secs => ${rule.windowMs / 1000}::float8)
                        ELSE r.expires_at END
    RETURNING r.count AS count,
              GREATEST(0, EXTRACT(EPOCH FROM (r.expires_at - now())) * 1000)::float8 AS retry_ms`;
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned no row");
  const count = Number(row.count);
  const allowed = count <= rule.limit;
  return {
    allowed,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(Number(row.retry_ms) / 1000)),
  };
}

/** Consumes every rule; throws a 429 AppError (with Retry-After) if any refuses. */
export async function assertRateLimits(
  checks: { key: string; rule: RateLimitRule }[],
  options: { db?: Db; message?: string } = {},
): Promise<void> {
  let retryAfterSeconds = 0;
  for (const check of checks) {
    const result = await consumeRateLimit(check.key, check.rule, options);
    if (!result.allowed) retryAfterSeconds = Math.max(retryAfterSeconds, result.retryAfterSeconds);
  }
  if (retryAfterSeconds > 0) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    throw new AppError(
      "rate_limited",
      options.message ?? `Too many requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      { retryAfterSeconds },
    );
  }
}
