import { AppError, type FieldError } from "@/lib/errors";

/** Throws one 422 naming every field in `fields` (rules checked after zod, e.g. across fields). */
export function assertNoFieldErrors(fields: FieldError[]): void {
  if (fields.length === 0) return;
  throw new AppError("validation", fields.map((f) => `${f.field}: ${f.message}`).join("; "), { fields });
}
