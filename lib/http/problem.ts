import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { AppError, INTERNAL_ERROR, isAppError, toProblem } from "@/lib/errors";
import { log } from "@/lib/log";

/** A request caught by a database restart or failover: the client may retry, it is not our bug. */
const DATABASE_UNAVAILABLE = new AppError(
  "busy",
  "The service is briefly unavailable. Please try again in a few seconds.",
  { retryAfterSeconds: 5 },
);

/** Maps any thrown value to a problem+json response; unexpected errors are logged, never shown. */
export function problemResponse(error: unknown, context: Record<string, unknown> = {}): Response {
  let appError: AppError;
  if (isAppError(error) && error.code !== "internal") {
    appError = error;
  } else if (isDatabaseUnavailable(error)) {
    log.warn(
      {
        event: "tickets.http.database_unavailable",
        err: error instanceof Error ? error.message.split("\n")[0] : String(error),
        ...context,
      },
      "database unavailable, answered 503",
    );
    appError = DATABASE_UNAVAILABLE;
  } else {
    const err =
      error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error;
    log.error({ event: "tickets.http.unhandled_error", err, ...context }, "unhandled error in request");
    appError = INTERNAL_ERROR;
  }
  const headers = new Headers({ "content-type": "application/problem+json", "cache-control": "no-store" });
  if (appError.retryAfterSeconds !== undefined)
    headers.set("retry-after", String(appError.retryAfterSeconds));
  return new Response(JSON.stringify(toProblem(appError)), { status: appError.status, headers });
}
