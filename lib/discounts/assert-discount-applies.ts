// Whether a discount code may be used for a cart right now. Pure: the checkout loads the code and its use
// count (see findApplicableDiscount) and asks here, so the rules live in one place.
import { AppError } from "@/lib/errors";

export type DiscountRefusal =
  "unknown" | "inactive" | "not_yet_valid" | "expired" | "exhausted" | "out_of_scope";

export interface DiscountForCheck {
  active: boolean;
  validFrom: Date | null;
  validUntil: Date | null;
  maxUses: number | null;
  /** Orders already holding the code (see countDiscountUses). */
  uses: number;
  /** Empty: every tier. */
  tierIds: readonly string[];
}

export interface DiscountCheckContext {
  now: Date;
  /** The tiers in the cart. */
  tierIds: readonly string[];
}

export const DISCOUNT_REFUSAL_MESSAGES: Record<DiscountRefusal, string> = {
  unknown: "This discount code does not exist for this event.",
  inactive: "This discount code is no longer active.",
  not_yet_valid: "This discount code is not valid yet.",
  expired: "This discount code has expired.",
  exhausted: "This discount code has been used the maximum number of times.",
  out_of_scope: "This discount code does not apply to the tickets you chose.",
};

/** Why a code cannot be used (first reason found, in the order a buyer would want to hear it), or null. */
export function getDiscountRefusal(
  discount: DiscountForCheck | null | undefined,
  context: DiscountCheckContext,
): DiscountRefusal | null {
  if (!discount) return "unknown";
  if (!discount.active) return "inactive";
  if (discount.validFrom && context.now < discount.validFrom) return "not_yet_valid";
  if (discount.validUntil && context.now >= discount.validUntil) return "expired";
  if (discount.maxUses !== null && discount.uses >= discount.maxUses) return "exhausted";
  if (eligibleTierIds(discount, context.tierIds).length === 0) return "out_of_scope";
  return null;
}

/** The cart's tiers the code applies to (all of them when the code is not limited to tiers). */
export function eligibleTierIds(
  discount: Pick<DiscountForCheck, "tierIds">,
  cartTierIds: readonly string[],
): string[] {
  const unique = [...new Set(cartTierIds)];
  if (discount.tierIds.length === 0) return unique;
  const scope = new Set(discount.tierIds);
  return unique.filter((id) => scope.has(id));
}

/**
 * Throws a 422 naming `discountCode` with the reason (unknown, inactive, not yet valid, expired, used up,
 * not for these tiers); otherwise returns the code and the cart tiers it applies to.
 */
export function assertDiscountApplies<D extends DiscountForCheck>(
  discount: D | null | undefined,
  context: DiscountCheckContext,
): { discount: D; tierIds: string[] } {
  const refusal = getDiscountRefusal(discount, context);
  if (refusal || !discount) {
    const reason = refusal ?? "unknown";
    throw new AppError("validation", DISCOUNT_REFUSAL_MESSAGES[reason], {
      fields: [{ field: "discountCode", message: DISCOUNT_REFUSAL_MESSAGES[reason] }],
    });
  }
  return { discount, tierIds: eligibleTierIds(discount, context.tierIds) };
}
