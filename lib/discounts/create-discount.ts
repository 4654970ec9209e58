import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import {
  createDiscountSchema,
  discountCrossFieldErrors,
  duplicateCodeError,
  type DiscountSummary,
} from "@/lib/discounts/discount-rules";
import { findForeignTierIds } from "@/lib/discounts/find-foreign-tier-ids";
import { isUniqueViolation } from "@/lib/discounts/is-unique-violation";
import { DISCOUNT_SELECT, toDiscountSummary } from "@/lib/discounts/to-discount-summary";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { assertNoFieldErrors } from "@/lib/tiers/assert-no-field-errors";
import { getEditableEvent } from "@/lib/tiers/get-editable-event";

/**
 * Adds a discount code to the organizer's event. The code is stored upper-case (unique per event in any
 * case: 409 naming `code`); percent codes take percentBps (1–10000), fixed codes amountMinor (minor units
 * of the event's currency); tierIds must be tiers of this event (422 naming `tierIds`); an empty scope means
 * every tier. 404 for another organizer's event, 409 when it is cancelled or archived.
 */
export async function createDiscount(
  organizerId: string,
  eventId: string,
  input: unknown,
  options: { actorUserId?: string } = {},
): Promise<DiscountSummary> {
  const data = parseInput(createDiscountSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const event = await getEditableEvent(tx, organizerId, eventId);
      const percentBps = data.kind === "percent" ? (data.percentBps ?? null) : null;
      const amountMinor = data.kind === "fixed" ? (data.amountMinor ?? null) : null;
      const validFrom = data.validFrom ?? null;
      const validUntil = data.validUntil ?? null;
      const tierIds = data.tierIds ?? [];
      const fields = discountCrossFieldErrors({
        eventCurrency: event.currency,
        currency: data.currency,
        kind: data.kind,
        percentBps,
        amountMinor,
        validFrom,
        validUntil,
      });
      if ((await findForeignTierIds(tx, event.id, tierIds)).length > 0) {
        fields.push({ field: "tierIds", message: "must all be tiers of this event" });
      }
      assertNoFieldErrors(fields);
      const existing = await tx.discount.findUnique({
        where: { eventId_code: { eventId: event.id, code: data.code } },
        select: { id: true },
      });
      if (existing) throw duplicateCodeError(data.code);

      const discount = await tx.discount.create({
        data: {
          eventId: event.id,
          code: data.code,
          kind: data.kind,
          percentBps,
          amountMinor,
          maxUses: data.maxUses ?? null,
          validFrom,
          validUntil,
          tierIds,
          active: data.active ?? true,
        },
        select: DISCOUNT_SELECT,
      });
      await recordAudit(tx, {
        organizerId,
        actorUserId: options.actorUserId ?? null,
        actorType: options.actorUserId ? "user" : "system",
        action: "discount.created",
        entityType: "discount",
        entityId: discount.id,
        data: {
          eventId: event.id,
          code: discount.code,
          kind: discount.kind,
          percentBps,
          amountMinor,
          maxUses: discount.maxUses,
          tierIds,
        },
      });
      return toDiscountSummary(discount, 0);
    });
  } catch (error) {
    // Two creates of one code at once: the unique (event, code) index decides.
    if (isUniqueViolation(error)) throw duplicateCodeError(data.code);
    throw error;
  }
}
