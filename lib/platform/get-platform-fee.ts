import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { getCurrencyDigits } from "@/lib/money/currencies";
import type { PlatformFee } from "@/lib/money/price-order";
import { platformFeeSchema } from "@/lib/money/schemas";

export const PLATFORM_FEE_SETTING = "platform_fee";

/**
 * The platform fee in force: an admin's setting (tickets_platform_settings) or the env defaults. Amounts are
 * configured in cents of a two-decimal currency and scaled to the order currency's minor units.
 */
export async function getPlatformFee(currency: string, client: Db = defaultDb): Promise<PlatformFee> {
  const row = await client.platformSetting.findUnique({ where: { key: PLATFORM_FEE_SETTING } });
  const parsed = row ? platformFeeSchema.safeParse(row.value) : null;
  const fee: PlatformFee = parsed?.success
    ? parsed.data
    : {
        fixedMinor: env.PLATFORM_FEE_FIXED_MINOR,
        percentBps: env.PLATFORM_FEE_PERCENT_BPS,
        minMinor: env.PLATFORM_FEE_MIN_MINOR,
        maxMinor: env.PLATFORM_FEE_MAX_MINOR,
      };
  const scale = 10 ** (getCurrencyDigits(currency) - 2);
  return {
    percentBps: fee.percentBps,
    fixedMinor: Math.round(fee.fixedMinor * scale),
    minMinor: Math.round(fee.minMinor * scale),
    maxMinor: Math.round(fee.maxMinor * scale),
  };
}
