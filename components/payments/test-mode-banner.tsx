import "server-only";
import { getPaymentsMode, testModeNotice } from "@/lib/payments/payments-mode";

/**
 * The band across the top of every /tickets page (the check-in app included) while no real money moves:
 * payments simulated by the built-in pages, or Stripe test-mode keys. Read per request, never baked into a
 * build.
 */
export function TestModeBanner() {
  const notice = testModeNotice(getPaymentsMode());
  if (!notice) return null;
  return (
    <p className="test-mode-banner" role="status">
      {notice}
    </p>
  );
}
