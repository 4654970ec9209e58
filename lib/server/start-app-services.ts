import "server-only";
import { loadEnv } from "@/lib/env";
import { jobDefinitions, jobSchedules } from "@/lib/jobs/registry";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { log } from "@/lib/log";

const globalForServices = globalThis as unknown as { stagedoorWorker?: RunningWorker };

/** Validates env (a bad variable stops start-up, named) and runs the worker in this process if enabled. */
export async function startAppServices(): Promise<void> {
  const env = loadEnv();
  if (!env.RUN_WORKER || !env.ENABLE_TICKETING || globalForServices.stagedoorWorker) return;
  globalForServices.stagedoorWorker = startWorker({
    definitions: jobDefinitions,
    schedules: jobSchedules,
    concurrency: env.WORKER_CONCURRENCY,
  });
  const stop = () => {
    void globalForServices.stagedoorWorker
      ?.stop()
      .finally(() => log.info({ event: "tickets.jobs.worker_stopped" }));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
