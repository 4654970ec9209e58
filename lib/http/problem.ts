import { AppError, INTERNAL_ERROR, isAppError, toProblem } from "@/lib/errors";
import { log } from "@/lib/log";

/** Maps any thrown value to a problem+json response; unexpected errors are logged, never shown. */
export function problemResponse(error: unknown, context: Record<string, unknown> = {}): Response {
  let appError: AppError;
  if (isAppError(error) && error.code !== "internal") {
    appError = error;
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
