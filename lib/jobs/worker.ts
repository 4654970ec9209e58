import "server-only";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { log as rootLog } from "@/lib/log";
import { retryDelayMs } from "@/lib/jobs/backoff";
import { PermanentJobError, type JobDefinition } from "@/lib/jobs/define-job";
import { jobSignal, enqueueJob } from "@/lib/jobs/enqueue-job";

export interface Schedule {
  job: JobDefinition;
  everyMs: number;
}

export interface WorkerOptions {
  definitions: JobDefinition[];
  schedules?: Schedule[];
  concurrency?: number;
  pollIntervalMs?: number;
  /** A running job whose worker vanished is requeued after this long. */
  staleAfterMs?: number;
  id?: string;
}

interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

export type JobOutcome = "succeeded" | "retry" | "failed";

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Claims up to `limit` due jobs this worker has handlers for; SKIP LOCKED lets any number of workers share
 * the queue, and a worker of an older release never claims (and fails) a job type it does not know.
 */
async function claimJobs(workerId: string, limit: number, names: string[]): Promise<ClaimedJob[]> {
  return db.$queryRaw<ClaimedJob[]>`
    UPDATE tickets_jobs SET status = 'running', locked_at = now(), locked_by = ${workerId},
           attempts = attempts + 1, updated_at = now()
    WHERE id IN (
      SELECT id FROM tickets_jobs
      WHERE status = 'queued' AND run_at <= now() AND name = ANY(${names}::text[])
      ORDER BY run_at, created_at
      FOR UPDATE SKIP LOCKED
      LIMIT ${limit})
    RETURNING id, name, payload, attempts, max_attempts`;
}

async function runJob(
  job: ClaimedJob,
  registry: Map<string, JobDefinition>,
  workerId: string,
): Promise<JobOutcome> {
  const jobLog = rootLog.child({ jobId: job.id, job: job.name, attempt: job.attempts });
  const definition = registry.get(job.name);
  let error: unknown;
  let permanent = false;
  if (!definition) {
    error = new Error(`no handler registered for job "${job.name}"`);
    permanent = true;
  } else {
    const parsed = definition.payload.safeParse(job.payload);
    if (!parsed.success) {
      error = new Error(`invalid payload: ${parsed.error.message}`);
      permanent = true;
    } else {
      try {
        await definition.handler(parsed.data, {
          jobId: job.id,
          attempt: job.attempts,
          maxAttempts: job.max_attempts,
          log: jobLog,
        });
      } catch (e) {
        error = e;
        permanent = e instanceof PermanentJobError;
      }
    }
  }

  if (error === undefined) {
    await db.$executeRaw`
      UPDATE tickets_jobs SET status = 'succeeded', finished_at = now(), updated_at = now(), last_error = NULL,
             singleton_key = NULL, locked_at = NULL
      WHERE id = ${job.id} AND locked_by = ${workerId}`;
    jobLog.debug({ event: "tickets.jobs.succeeded" }, "job succeeded");
    return "succeeded";
  }

  const message = errorMessage(error).slice(0, 2000);
  if (permanent || job.attempts >= job.max_attempts) {
    await db.$executeRaw`
      UPDATE tickets_jobs SET status = 'failed', finished_at = now(), updated_at = now(), last_error = ${message},
             singleton_key = NULL, locked_at = NULL
      WHERE id = ${job.id} AND locked_by = ${workerId}`;
    jobLog.error({ event: "tickets.jobs.failed", err: message }, "job failed for good");
    return "failed";
  }
  const runAt = new Date(Date.now() + retryDelayMs(job.attempts));
  await db.$executeRaw`
    UPDATE tickets_jobs SET status = 'queued', run_at = ${runAt}, updated_at = now(), last_error = ${message},
           locked_at = NULL, locked_by = NULL
    WHERE id = ${job.id} AND locked_by = ${workerId}`;
  jobLog.warn({ event: "tickets.jobs.retry", err: message, runAt }, "job failed, will retry");
  return "retry";
}

/** Puts jobs whose worker died mid-run back in the queue. */
export async function requeueStaleJobs(staleAfterMs: number): Promise<number> {
  const cutoff = new Date(Date.now() - staleAfterMs);
  return db.$executeRaw`
    UPDATE tickets_jobs SET status = 'queued', locked_at = NULL, locked_by = NULL, updated_at = now()
    WHERE status = 'running' AND locked_at < ${cutoff}`;
}

/** Runs every due job once, sequentially; for tests and one-off maintenance. Returns the outcomes. */
export async function runDueJobs(
  definitions: JobDefinition[],
  workerId = `once-${randomUUID()}`,
): Promise<JobOutcome[]> {
  const registry = new Map(definitions.map((d) => [d.name, d]));
  const outcomes: JobOutcome[] = [];
  for (;;) {
    const [job] = await claimJobs(workerId, 1, [...registry.keys()]);
    if (!job) return outcomes;
    outcomes.push(await runJob(job, registry, workerId));
  }
}

export interface RunningWorker {
  id: string;
  stop(): Promise<void>;
}

export function startWorker(options: WorkerOptions): RunningWorker {
  const id = options.id ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const registry = new Map(options.definitions.map((d) => [d.name, d]));
  const concurrency = options.concurrency ?? 4;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const staleAfterMs = options.staleAfterMs ?? 5 * 60 * 1000;
  const workerLog = rootLog.child({ workerId: id });
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking = false;
  let lastMaintenance = 0;

  async function maintenance(): Promise<void> {
    await db.$executeRaw`
      INSERT INTO tickets_worker_heartbeats (id, seen_at) VALUES (${id}, now())
      ON CONFLICT (id) DO UPDATE SET seen_at = now()`;
    const requeued = await requeueStaleJobs(staleAfterMs);
    if (requeued > 0)
      workerLog.warn({ event: "tickets.jobs.requeued_stale", count: requeued }, "requeued stale jobs");
    for (const schedule of options.schedules ?? []) {
      await enqueueJob(
        schedule.job,
        {},
        { singletonKey: `schedule:${schedule.job.name}`, runAt: new Date(Date.now() + schedule.everyMs) },
      );
    }
  }

  async function tick(): Promise<void> {
    if (stopped || ticking) return;
    ticking = true;
    try {
      if (Date.now() - lastMaintenance > 10_000) {
        lastMaintenance = Date.now();
        await maintenance();
      }
      while (!stopped && inFlight.size < concurrency) {
        const jobs = await claimJobs(id, concurrency - inFlight.size, [...registry.keys()]);
        if (jobs.length === 0) break;
        for (const job of jobs) {
          const p = runJob(job, registry, id)
            .then(() => undefined)
            .catch((e: unknown) =>
              workerLog.error({ event: "tickets.jobs.worker_error", err: errorMessage(e) }),
            )
            .finally(() => {
              inFlight.delete(p);
              void tick();
            });
          inFlight.add(p);
        }
      }
    } catch (e) {
      workerLog.error({ event: "tickets.jobs.poll_error", err: errorMessage(e) }, "worker poll failed");
    } finally {
      ticking = false;
    }
  }

  const wake = () => void tick();
  jobSignal.on("wake", wake);
  const loop = () => {
    if (stopped) return;
    void tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, pollIntervalMs);
    });
  };
  loop();
  workerLog.info(
    { event: "tickets.jobs.worker_started", concurrency, jobs: [...registry.keys()] },
    "job worker started",
  );

  return {
    id,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      jobSignal.off("wake", wake);
      await Promise.allSettled([...inFlight]);
      await db.$executeRaw`DELETE FROM tickets_worker_heartbeats WHERE id = ${id}`.catch(() => 0);
    },
  };
}
