import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { SCANNING_DISABLED_MESSAGE } from "@/lib/checkin/contract";

/** Every check-in route starts here: TICKETING_SCANNING=false answers 503 feature_disabled. */
export function assertScanningEnabled(): void {
  if (!env.TICKETING_SCANNING) throw new AppError("feature_disabled", SCANNING_DISABLED_MESSAGE);
}
