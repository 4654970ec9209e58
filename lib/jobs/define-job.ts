import type { Logger } from "pino";
import type { z } from "zod";

export interface JobContext {
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  log: Logger;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  /** Runs before the job ends in `failed`; default 8. */
  maxAttempts?: number;
  handler: (payload: z.infer<S>, ctx: JobContext) => Promise<void>;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** Thrown by a handler for an error that retrying cannot fix: the job fails at once. */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}
