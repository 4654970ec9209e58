// Runs once when a Next.js server starts: validates the environment and starts the job worker.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAppServices } = await import("@/lib/server/start-app-services");
  await startAppServices();
}
