// Every job the worker knows, and the periodic sweeps. Add a definition here when you add a job.
import "server-only";
import type { JobDefinition } from "@/lib/jobs/define-job";
import type { Schedule } from "@/lib/jobs/worker";

export const jobDefinitions: JobDefinition[] = [];

export const jobSchedules: Schedule[] = [];
