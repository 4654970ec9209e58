// One error vocabulary for the whole module. Domain code throws AppError; each transport (API route,
// page, job) maps it once. Anything that is not an AppError is unexpected: 500, generic message, log line.
import { z } from "zod";

export type ErrorCode =
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "sold_out"
  | "rate_limited"
  | "payload_too_large"
  | "unsupported_media_type"
  | "busy"
  | "feature_disabled"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  validation: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  sold_out: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  busy: 503,
  feature_disabled: 503,
  internal: 500,
};

const TITLE: Record<ErrorCode, string> = {
  validation: "Some fields need attention",
  unauthorized: "Sign in required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  sold_out: "Sold out",
  rate_limited: "Too many requests",
  payload_too_large: "Request too large",
  unsupported_media_type: "Unsupported content type",
  busy: "Busy, try again",
  feature_disabled: "Turned off",
  internal: "Something went wrong",
};

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    userMessage: string,
    options: { fields?: FieldError[]; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(userMessage, { cause: options.cause });
    this.code = code;
    this.fields = options.fields ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return STATUS[this.code];
  }

  get title(): string {
    return TITLE[this.code];
  }

  static validation(field: string, message: string): AppError {
    return new AppError("validation", `${field}: ${message}`, { fields: [{ field, message }] });
  }

  static notFound(what = "Not found"): AppError {
    return new AppError("not_found", what);
  }

  static conflict(message: string, field?: string): AppError {
    return new AppError("conflict", message, { fields: field ? [{ field, message }] : [] });
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Turns a zod error into a 422 naming every bad field (dotted path, e.g. `tiers.0.price`). */
export function fromZodError(error: z.ZodError): AppError {
  const fields = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join(".") : "body",
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  return new AppError("validation", summary, { fields });
}

/** Parses untrusted input with a zod schema, throwing a 422 AppError on failure. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
}

export function toProblem(error: AppError): Problem {
  return {
    type: `https://stagedoor.dev/problems/${error.code.replace(/_/g, "-")}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
  };
}

export const INTERNAL_ERROR = new AppError("internal", "Something went wrong on our side. Please try again.");
