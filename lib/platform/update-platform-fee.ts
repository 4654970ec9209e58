import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { platformFeeSchema, type PlatformFeeSetting } from "@/lib/money/schemas";
import { PLATFORM_FEE_SETTING } from "@/lib/platform/get-platform-fee";

/** A platform admin sets the fee (in cents of a two-decimal currency); audited. */
export async function updatePlatformFee(adminUserId: string, input: unknown): Promise<PlatformFeeSetting> {
  const fee = parseInput(platformFeeSchema, input);
  await db.$transaction(async (tx) => {
    const before = await tx.platformSetting.findUnique({ where: { key: PLATFORM_FEE_SETTING } });
    await tx.platformSetting.upsert({
      where: { key: PLATFORM_FEE_SETTING },
      create: { key: PLATFORM_FEE_SETTING, value: fee },
      update: { value: fee },
    });
    await recordAudit(tx, {
      actorUserId: adminUserId,
      actorType: "admin",
      action: "platform.fee_updated",
      entityType: "platform_setting",
      entityId: PLATFORM_FEE_SETTING,
      data: { before: before?.value ?? null, after: fee },
    });
  });
  return fee;
}
