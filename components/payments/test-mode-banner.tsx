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
    <p
      className="border-b border-amber-500 bg-amber-100 px-4 py-2 text-center text-sm font-semibold text-amber-900"
      role="status"
    >
      {notice}
    </p>
  );
}
