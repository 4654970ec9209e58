import Link from "next/link";
import { notFound } from "next/navigation";
import { CompleteTestOnboardingButton } from "@/components/payments/complete-test-onboarding-button";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLES } from "@/lib/auth/roles";
import { isStripeTestMode } from "@/lib/payments/stripe-client";
import { alertClass, badgeClass, cx, ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata = { title: "Stripe test mode onboarding", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Stands in for Stripe's hosted onboarding when the server has no Stripe keys. Does not exist (404) when
 * keys are configured. The button's API route checks the owner role again.
 */
export default async function DevStripeOnboardPage({ searchParams }: { searchParams: SearchParams }) {
  if (!isStripeTestMode()) notFound();
  const { organizer: requested } = await searchParams;
  const organizerId = typeof requested === "string" ? requested : "";
  const { organizer } = await requireOrganizerPage(ROLES.owner, {
    callbackUrl: `/tickets/dev/stripe/onboard?${new URLSearchParams({ organizer: organizerId })}`,
  });

  return (
    <main className={ui.narrowPage}>
      <p>
        <span className={badgeClass("warn")}>Stripe test mode — no real account</span>
      </p>
      <h1>Connect {organizer.name} to Stripe (test mode)</h1>
      <p>
        This server runs without Stripe keys, so this page stands in for Stripe&apos;s onboarding. Completing
        it connects {organizer.name} to a built-in test account that can take test payments. No real Stripe
        account is created and no real money moves.
      </p>
      {organizerId !== organizer.id ? (
        <p className={alertClass("error")} role="alert">
          This link was made for another organizer than the one you are acting for ({organizer.name}). Go back
          to <Link href="/tickets/organizer/payments">Payments</Link> and start again.
        </p>
      ) : (
        <section className={cx(ui.card, ui.stack)}>
          <CompleteTestOnboardingButton organizerId={organizer.id} />
          <p className={ui.hint}>
            <Link href="/tickets/organizer/payments">Cancel and go back to Payments</Link>
          </p>
        </section>
      )}
    </main>
  );
}
