// Runs once when a Next.js server starts: validates the environment and starts the job worker.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // First, before modules that read env as they load: a bad or missing variable (say, production without
  // Stripe keys or STRIPE_TEST_MODE=true) stops `next start` too, with the message naming it.
  const { loadEnvOrExit } = await import("@/lib/server/load-env-or-exit");
  loadEnvOrExit();
  const { startAppServices } = await import("@/lib/server/start-app-services");
  await startAppServices();
}
