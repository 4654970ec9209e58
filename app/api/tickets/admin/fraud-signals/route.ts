import { withAdmin } from "@/lib/auth/with-admin";
import { listFraudSignals } from "@/lib/fraud/list-fraud-signals";

/** GET (platform admins) → tripped fraud signals, most recent first. */
export const GET = withAdmin(async () => ({ signals: await listFraudSignals() }));
