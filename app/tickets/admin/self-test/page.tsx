import type { Metadata } from "next";
import { SelfTestRunner } from "@/components/admin/self-test-runner";
import { Alert } from "@/components/ui/alert";
import { ui } from "@/components/ui/styles";
import { requireAdminPage } from "@/lib/auth/require-page";
import { getPaymentsMode } from "@/lib/payments/payments-mode";
import { SELF_TEST_STEPS } from "@/lib/self-test/self-test-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Self-test" };

export default async function AdminSelfTestPage() {
  const user = await requireAdminPage();
  const simulated = getPaymentsMode() === "simulated";
  return (
    <main className={ui.page}>
      <h1>Self-test</h1>
      <p className={ui.hint}>
        Runs one order through the whole pipeline in test mode, on a hidden self-test event no buyer or
        organizer sees: {SELF_TEST_STEPS.map((s) => s.label.toLowerCase()).join(" → ")}. The confirmation
        email goes to {user.email}. It takes a few seconds (30 at most); one run at a time.
      </p>
      {simulated ? (
        <SelfTestRunner />
      ) : (
        <Alert tone="info">
          Stripe keys are configured: the self-test runs in the built-in test mode only (no keys), so it never
          charges a real Stripe account.
        </Alert>
      )}
    </main>
  );
}
