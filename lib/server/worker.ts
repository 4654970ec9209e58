// `npm run worker`: the job worker on its own, for deployments that scale web and worker separately
// (set RUN_WORKER=false on the web processes then).
import { loadEnvOrExit } from "@/lib/server/load-env-or-exit";

const env = loadEnvOrExit();
if (!env.DATABASE_URL) {
  console.error(
    "DATABASE_URL is required for a separate worker (the embedded database serves one process only).",
  );
  process.exit(1);
}
const { jobDefinitions, jobSchedules } = await import("@/lib/jobs/registry");
const { startWorker } = await import("@/lib/jobs/worker");
const worker = startWorker({
  definitions: jobDefinitions,
  schedules: jobSchedules,
  concurrency: env.WORKER_CONCURRENCY,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void worker.stop().then(() => process.exit(0));
  });
}
