import { withAdmin } from "@/lib/auth/with-admin";
import { runSelfTest } from "@/lib/self-test/run-self-test";

/**
 * POST (platform admins) → the self-test report: each step green or red with its time (200 either way).
 * 409 while another run is going, or with Stripe keys (the self-test runs in the built-in test mode only).
 */
export const POST = withAdmin(async (_request, { user }) =>
  runSelfTest({ userId: user.id, email: user.email }),
);
