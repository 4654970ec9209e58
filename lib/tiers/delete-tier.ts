import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockInventory } from "@/lib/inventory/lock-inventory";
import { lockOrganizerTier } from "@/lib/tiers/lock-organizer-tier";
import { pluralTickets } from "@/lib/tiers/tier-rules";

/**
 * Deletes a tier that has never been ordered. Refused (409) when any order item references it ("hide it
 * instead"), and when an active discount code applies only to this tier (removing the tier from its scope
 * would widen the code to every tier). Other codes simply lose the tier from their scope.
 */
export async function deleteTier(
  organizerId: string,
  tierId: string,
  options: { actorUserId?: string } = {},
): Promise<void> {
  try {
    await deleteInTransaction(organizerId, tierId, options);
  } catch (error) {
    // A checkout that ordered this tier committed while we waited to delete it (order items restrict).
    if (isForeignKeyViolation(error)) throw AppError.conflict("This tier has sales; hide it instead.");
    throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2003";
}

async function deleteInTransaction(organizerId: string, tierId: string, options: { actorUserId?: string }) {
  await db.$transaction(async (tx) => {
    const { event, tier } = await lockOrganizerTier(tx, organizerId, tierId);
    // Wait for checkouts holding the tier's inventory lock, so their order items are visible to the count.
    await lockInventory(tx, { eventId: event.id, tierIds: [tier.id] });
    const ordered = await tx.orderItem.aggregate({ where: { tierId: tier.id }, _sum: { quantity: true } });
    const quantity = ordered._sum.quantity ?? 0;
    if (quantity > 0) {
      throw AppError.conflict(`This tier has sales (${pluralTickets(quantity)}); hide it instead.`);
    }

    const scoped = await tx.discount.findMany({
      where: { eventId: event.id, tierIds: { has: tier.id } },
      select: { id: true, code: true, active: true, tierIds: true },
    });
    const onlyThisTier = scoped.filter((d) => d.active && d.tierIds.every((id) => id === tier.id));
    if (onlyThisTier.length > 0) {
      const codes = onlyThisTier.map((d) => d.code).join(", ");
      throw AppError.conflict(
        `Discount code${onlyThisTier.length === 1 ? "" : "s"} ${codes} appl${onlyThisTier.length === 1 ? "ies" : "y"} ` +
          `only to this tier; deactivate ${onlyThisTier.length === 1 ? "it" : "them"} or change ${onlyThisTier.length === 1 ? "its" : "their"} tiers first.`,
      );
    }
    for (const discount of scoped) {
      const rest = discount.tierIds.filter((id) => id !== tier.id);
      // An inactive code scoped only to this tier keeps the (now unknown) id: it then matches no tier,
      // instead of every tier as an empty scope would.
      if (rest.length > 0) await tx.discount.update({ where: { id: discount.id }, data: { tierIds: rest } });
    }

    await tx.tier.delete({ where: { id: tier.id } });
    await recordAudit(tx, {
      organizerId,
      actorUserId: options.actorUserId ?? null,
      actorType: options.actorUserId ? "user" : "system",
      action: "tier.deleted",
      entityType: "tier",
      entityId: tier.id,
      data: { eventId: event.id, name: tier.name },
    });
  });
}
