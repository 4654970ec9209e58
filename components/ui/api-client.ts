// Browser-side fetch for our API: JSON in, JSON out; problem+json errors become ApiError with field messages.
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

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: "same-origin",
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
