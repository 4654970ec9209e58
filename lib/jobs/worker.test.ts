import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob, PermanentJobError } from "@/lib/jobs/define-job";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { runDueJobs, startWorker } from "@/lib/jobs/worker";
import { resetDatabase } from "@/lib/testing/db";

const seen: string[] = [];
const echo = defineJob({
  name: "test.echo",
  payload: z.object({ word: z.string() }),
  handler: async ({ word }) => {
    seen.push(word);
  },
});
let flakyCalls = 0;
const flaky = defineJob({
  name: "test.flaky",
  payload: z.object({}),
  maxAttempts: 3,
  handler: async () => {
    flakyCalls += 1;
    throw new Error("provider down");
  },
});
const broken = defineJob({
  name: "test.broken",
  payload: z.object({}),
  handler: async () => {
    throw new PermanentJobError("cannot ever work");
  },
});

async function jobRow(id: string | null) {
  if (!id) throw new Error("job was not queued");
  return db.job.findUniqueOrThrow({ where: { id } });
}

/** Makes a retried job due now, standing in for the backoff delay passing. */
async function makeDue(id: string) {
  await db.job.update({ where: { id }, data: { runAt: new Date(Date.now() - 1000) } });
}

describe("job queue", () => {
  beforeEach(async () => {
    await resetDatabase();
    seen.length = 0;
    flakyCalls = 0;
  });

  it("runs a queued job once and marks it succeeded", async () => {
    const id = await enqueueJob(echo, { word: "hello" });
    expect(await runDueJobs([echo])).toEqual(["succeeded"]);
    expect(seen).toEqual(["hello"]);
    expect((await jobRow(id)).status).toBe("succeeded");
    expect(await runDueJobs([echo])).toEqual([]);
  });

  it("rejects a bad payload at enqueue time", async () => {
    await expect(enqueueJob(echo, { word: 42 } as never)).rejects.toThrow();
    expect(await db.job.count()).toBe(0);
  });

  it("does not run a job before its run_at", async () => {
    await enqueueJob(echo, { word: "later" }, { runAt: new Date(Date.now() + 60_000) });
    expect(await runDueJobs([echo])).toEqual([]);
  });

  it("retries with backoff, then ends in a visible failed state", async () => {
    const id = await enqueueJob(flaky, {});
    expect(await runDueJobs([flaky])).toEqual(["retry"]);
    const afterFirst = await jobRow(id);
    expect(afterFirst.status).toBe("queued");
    expect(afterFirst.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(afterFirst.lastError).toContain("provider down");
    await makeDue(afterFirst.id);
    expect(await runDueJobs([flaky])).toEqual(["retry"]);
    await makeDue(afterFirst.id);
    expect(await runDueJobs([flaky])).toEqual(["failed"]);
    const final = await jobRow(id);
    expect(final.status).toBe("failed");
    expect(final.attempts).toBe(3);
    expect(flakyCalls).toBe(3);
  });

  it("fails permanent errors without retrying", async () => {
    const a = await enqueueJob(broken, {});
    expect(await runDueJobs([broken])).toEqual(["failed"]);
    expect((await jobRow(a)).attempts).toBe(1);
  });

  it("leaves a job it has no handler for to a worker that knows it (e.g. during a rolling deploy)", async () => {
    await db.job.create({ data: { name: "test.echo", payload: { word: "later" } } });
    expect(await runDueJobs([broken])).toEqual([]);
    const waiting = await db.job.findFirstOrThrow({ where: { name: "test.echo" } });
    expect(waiting.status).toBe("queued");
    expect(waiting.attempts).toBe(0);
    expect(await runDueJobs([echo])).toEqual(["succeeded"]);
  });

  it("keeps at most one queued job per singleton key", async () => {
    const first = await enqueueJob(echo, { word: "a" }, { singletonKey: "only-one" });
    const second = await enqueueJob(echo, { word: "b" }, { singletonKey: "only-one" });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    await runDueJobs([echo]);
    expect(await enqueueJob(echo, { word: "c" }, { singletonKey: "only-one" })).not.toBeNull();
  });

  it("queues atomically with the caller's transaction", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(echo, { word: "rolled back" }, { db: tx });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.job.count()).toBe(0);
  });

  it("two workers share the queue without running any job twice", async () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    for (const word of words) await enqueueJob(echo, { word });
    const a = startWorker({ definitions: [echo], concurrency: 3, pollIntervalMs: 20, id: "worker-a" });
    const b = startWorker({ definitions: [echo], concurrency: 3, pollIntervalMs: 20, id: "worker-b" });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await db.job.count({ where: { status: "succeeded" } })) < words.length) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all([a.stop(), b.stop()]);
    expect([...seen].sort()).toEqual([...words].sort());
    const byWorker = await db.job.groupBy({ by: ["lockedBy"], _count: true });
    expect(byWorker.length).toBeGreaterThanOrEqual(1);
  });
});
