// What every request input must be before any route sees it (pure): no NUL characters (PostgreSQL text and
// jsonb cannot hold them), no integers beyond the safe range, no nesting deeper than any contract needs,
// dates within years 1–9999. lib/http/route.ts applies the first three to every JSON body, query string and
// path parameter; date parsers use `isStorableDate`.
import { AppError } from "@/lib/errors";

/** Deeper than any of our request contracts; deeper bodies are refused rather than walked. */
export const MAX_INPUT_DEPTH = 32;

export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** A date PostgreSQL and every ISO 8601 consumer can hold: a real instant in years 1–9999 (UTC). */
export function isStorableDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= MIN_YEAR && year <= MAX_YEAR;
}

function fieldName(path: string, key: string): string {
  const printable = key.replaceAll("\u0000", "\\u0000");
  return path === "" ? printable : `${path}.${printable}`;
}

/**
 * Throws a 422 naming the first unsafe value: a string or key containing NUL, an integer outside
 * ±Number.MAX_SAFE_INTEGER, or nesting deeper than MAX_INPUT_DEPTH. `root` names a top-level scalar.
 */
export function assertSafeInput(value: unknown, root = "body"): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    const field = path === "" ? root : path;
    if (typeof v === "string") {
      if (v.includes("\u0000")) throw AppError.validation(field, "must not contain NUL characters");
    } else if (typeof v === "number") {
      if (Number.isInteger(v) && !Number.isSafeInteger(v))
        throw AppError.validation(field, "is out of range");
    } else if (v !== null && typeof v === "object") {
      if (depth >= MAX_INPUT_DEPTH) throw AppError.validation(field, "is nested too deeply");
      for (const [key, child] of Object.entries(v)) {
        const childPath = fieldName(path, key);
        if (key.includes("\u0000")) throw AppError.validation(childPath, "must not contain NUL characters");
        stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
}
