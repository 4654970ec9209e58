// Browser-side fetch for our API: JSON in, JSON out; problem+json errors become ApiError with field messages.
// Writes carry an Idempotency-Key, so a retry after a dropped connection never does the action twice.
export interface ProblemBody {
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly problem: ProblemBody,
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail);
  }

  /** Field name → message, for showing errors beside form inputs. */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.field, e.message]));
  }
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Waits before sending a write again after the network failed (two retries). */
const RETRY_DELAYS_MS = [500, 1500];

/**
 * A fresh Idempotency-Key for one user action. From getRandomValues rather than crypto.randomUUID, which
 * browsers offer only in secure contexts (a phone on the venue's LAN may reach the app over plain http).
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join(
    "",
  );
}

/**
 * fetch for one user action. A write carries an Idempotency-Key (`idempotencyKey` to repeat an earlier
 * action, else a fresh one) and is sent again with the same key when the network fails before an answer
 * arrives: the server runs it at most once and answers the repeat with the first response.
 */
export async function sendRequest(
  path: string,
  init: RequestInit & { idempotencyKey?: string } = {},
): Promise<Response> {
  const { idempotencyKey, ...rest } = init;
  const method = (rest.method ?? "GET").toUpperCase();
  if (!WRITE_METHODS.has(method)) return fetch(path, { ...rest, credentials: "same-origin" });
  const headers = new Headers(rest.headers);
  headers.set("idempotency-key", idempotencyKey ?? newIdempotencyKey());
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(path, { ...rest, method, headers, credentials: "same-origin" });
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export async function apiFetch<T>(
  path: string,
  init: { method?: string; body?: unknown; idempotencyKey?: string } = {},
): Promise<T> {
  const response = await sendRequest(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    idempotencyKey: init.idempotencyKey,
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = (data as ProblemBody | undefined) ?? {
      title: "Request failed",
      status: response.status,
      detail: `The server answered ${response.status}.`,
      code: "internal",
    };
    const retry = response.headers.get("retry-after");
    throw new ApiError(problem, retry ? Number(retry) : undefined);
  }
  return data as T;
}

/** The problem's detail for an API error, or `fallback` for anything else (e.g. no network). */
export function problemText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.problem.detail : fallback;
}

/** An API error's field messages keyed by the form input they belong beside (the first message wins). */
export function serverFieldErrors<K extends string>(
  error: unknown,
  inputFor: Record<string, K>,
): Partial<Record<K, string>> {
  const errors: Partial<Record<K, string>> = {};
  if (!(error instanceof ApiError)) return errors;
  for (const e of error.problem.errors ?? []) {
    const input = inputFor[e.field];
    if (input && !errors[input]) errors[input] = e.message;
  }
  return errors;
}
