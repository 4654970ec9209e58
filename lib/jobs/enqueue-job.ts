import "server-only";
import { EventEmitter } from "node:events";
import type { z } from "zod";
import { db as defaultDb, type Db } from "@/lib/db";
import type { JobDefinition } from "@/lib/jobs/define-job";

const globalForJobs = globalThis as unknown as { stagedoorJobSignal?: EventEmitter };
/** Wakes an in-process worker as soon as a job is queued (other instances pick it up by polling). */
export const jobSignal: EventEmitter = (globalForJobs.stagedoorJobSignal ??= new EventEmitter());

export interface EnqueueOptions {
  /** Pass a transaction client to queue the job atomically with the writes that caused it. */
  db?: Db;
  runAt?: Date;
  /** At most one queued or running job per key; a second enqueue is a no-op returning null. */
  singletonKey?: string;
  maxAttempts?: number;
}

export async function enqueueJob<S extends z.ZodType>(
  definition: JobDefinition<S>,
  payload: z.input<S>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const parsed = definition.payload.parse(payload) as object;
  const client = options.db ?? defaultDb;
  const maxAttempts = options.maxAttempts ?? definition.maxAttempts ?? 8;
  const runAt = options.runAt ?? new Date();
  const rows = await client.$queryRaw<{ id: string }[]>`
    INSERT INTO tickets_jobs (id, name, payload, max_attempts, run_at, singleton_key, updated_at)
    VALUES (gen_random_uuid()::text, ${definition.name}, ${JSON.stringify(parsed)}::jsonb, ${maxAttempts},
            ${runAt}, ${options.singletonKey ?? null}, now())
    ON CONFLICT (singleton_key) DO NOTHING
    RETURNING id`;
  const id = rows[0]?.id ?? null;
  if (id && runAt.getTime() <= Date.now()) setImmediate(() => jobSignal.emit("wake"));
  return id;
}
