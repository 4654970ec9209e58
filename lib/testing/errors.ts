// Test helpers for asserting on errors: the AppError a domain call rejects with, its field names, and the
// problem+json body a route answers with.
import { expect } from "vitest";
import { isAppError, type AppError } from "@/lib/errors";

/** The AppError `promise` rejects with; throws when it resolves or rejects with anything else. */
export async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** The names of the fields an AppError blames. */
export const fieldsOf = (error: AppError) => error.fields.map((f) => f.field);

export interface ProblemJson {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** The problem+json body of a route's error response (asserting its content type). */
export async function problem(response: Response): Promise<ProblemJson> {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as ProblemJson;
}
