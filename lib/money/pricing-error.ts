import { AppError } from "@/lib/errors";

/**
 * A pricing input that cannot be priced (bad price, quantity, rate, currency, refund amount...). It is a
 * validation AppError (422) naming the offending field with a dotted path, e.g. `lines.0.quantity`.
 */
export class PricingError extends AppError {
  override name = "PricingError";
  readonly field: string;

  constructor(field: string, message: string) {
    super("validation", `${field}: ${message}`, { fields: [{ field, message }] });
    this.field = field;
  }
}
