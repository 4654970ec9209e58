import "server-only";
import { env } from "@/lib/env";

/** Where Stripe sends an organizer whose onboarding link expired or was already used: mints a new one. */
export function onboardingRefreshUrl(organizerId: string): string {
  const url = new URL("/api/tickets/organizers/connect/refresh", env.APP_URL);
  url.searchParams.set("organizer", organizerId);
  return url.toString();
}

/** Where Stripe sends the organizer back to; that page re-reads the account (returning is no proof of completion). */
export function onboardingReturnUrl(): string {
  return new URL("/tickets/organizer/payments?return=1", env.APP_URL).toString();
}

/** The built-in onboarding page that stands in for Stripe in test mode. */
export function testOnboardingUrl(organizerId: string): string {
  const url = new URL("/tickets/dev/stripe/onboard", env.APP_URL);
  url.searchParams.set("organizer", organizerId);
  return url.toString();
}

export const PAYMENTS_PAGE_PATH = "/tickets/organizer/payments";
