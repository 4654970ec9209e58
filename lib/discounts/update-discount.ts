import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { countDiscountUses } from "@/lib/discounts/count-discount-uses";
import {
  discountCrossFieldErrors,
  duplicateCodeError,
  updateDiscountSchema,
  type DiscountSummary,
} from "@/lib/discounts/discount-rules";
import { findForeignTierIds } from "@/lib/discounts/find-foreign-tier-ids";
import { isUniqueViolation } from "@/lib/discounts/is-unique-violation";
import { DISCOUNT_SELECT, toDiscountSummary } from "@/lib/discounts/to-discount-summary";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { assertNoFieldErrors } from "@/lib/tiers/assert-no-field-errors";
import { getEditableEvent } from "@/lib/tiers/get-editable-event";

function jsonValue(v: unknown): string | number | boolean | null | string[] {
  if (v instanceof Date) return v.toISOString();
  if (v === undefined) return null;
  return v as string | number | boolean | null | string[];
}

/**
 * Changes a code (deactivate with `{ active: false }` rather than deleting: orders keep pointing at it).
 * Same rules as createDiscount, checked on the values after the change. 404 for another organizer's code.
 */
export async function updateDiscount(
  organizerId: string,
  discountId: string,
  patch: unknown,
  options: { actorUserId?: string } = {},
): Promise<DiscountSummary> {
  const data = parseInput(updateDiscountSchema, patch);
  try {
    return await db.$transaction(async (tx) => {
      const owned = await tx.discount.findFirst({
        where: { id: discountId, event: { organizerId } },
        select: { eventId: true },
      });
      if (!owned) throw AppError.notFound("Discount code not found.");
      const event = await getEditableEvent(tx, organizerId, owned.eventId);
      const current = await tx.discount.findFirst({
        where: { id: discountId, event: { id: event.id, organizerId } },
        select: DISCOUNT_SELECT,
      });
      if (!current) throw AppError.notFound("Discount code not found.");

      const kind = data.kind ?? current.kind;
      const pick = <T>(given: T | null | undefined, existing: T | null): T | null =>
        given === undefined ? existing : given;
      const next = {
        code: data.code ?? current.code,
        kind,
        percentBps: kind === "percent" ? pick(data.percentBps, current.percentBps) : null,
        amountMinor: kind === "fixed" ? pick(data.amountMinor, current.amountMinor) : null,
        maxUses: pick(data.maxUses, current.maxUses),
        validFrom: pick(data.validFrom, current.validFrom),
        validUntil: pick(data.validUntil, current.validUntil),
        tierIds: data.tierIds ?? current.tierIds,
        active: data.active ?? current.active,
      };
      const fields = discountCrossFieldErrors({
        eventCurrency: event.currency,
        currency: data.currency,
        kind,
        percentBps: next.percentBps,
        amountMinor: next.amountMinor,
        validFrom: next.validFrom,
        validUntil: next.validUntil,
      });
      if (data.tierIds && (await findForeignTierIds(tx, event.id, data.tierIds)).length > 0) {
        fields.push({ field: "tierIds", message: "must all be tiers of this event" });
      }
      assertNoFieldErrors(fields);
      if (next.code !== current.code) {
        const clash = await tx.discount.findUnique({
          where: { eventId_code: { eventId: event.id, code: next.code } },
          select: { id: true },
        });
        if (clash) throw duplicateCodeError(next.code);
      }

      const changes: Record<
        string,
        { from: ReturnType<typeof jsonValue>; to: ReturnType<typeof jsonValue> }
      > = {};
      for (const key of Object.keys(next) as (keyof typeof next)[]) {
        const before = jsonValue(current[key]);
        const after = jsonValue(next[key]);
        if (JSON.stringify(before) !== JSON.stringify(after)) changes[key] = { from: before, to: after };
      }
      const updated = await tx.discount.update({
        where: { id: current.id },
        data: next,
        select: DISCOUNT_SELECT,
      });
      if (Object.keys(changes).length > 0) {
        const onlyActive = Object.keys(changes).length === 1 && changes.active;
        await recordAudit(tx, {
          organizerId,
          actorUserId: options.actorUserId ?? null,
          actorType: options.actorUserId ? "user" : "system",
          action: onlyActive
            ? next.active
              ? "discount.activated"
              : "discount.deactivated"
            : "discount.updated",
          entityType: "discount",
          entityId: current.id,
          data: { eventId: event.id, code: updated.code, changes },
        });
      }
      const uses = await countDiscountUses(tx, [updated.id]);
      return toDiscountSummary(updated, uses.get(updated.id));
    });
  } catch (error) {
    if (isUniqueViolation(error) && data.code) throw duplicateCodeError(data.code);
    throw error;
  }
}
