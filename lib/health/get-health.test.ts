import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/lib/db";
import { getHealth } from "@/lib/health/get-health";
import { resetDatabase } from "@/lib/testing/db";
import { GET } from "@/app/api/tickets/health/route";

const unreachable = createPrismaClient("postgresql://postgres@127.0.0.1:1/nowhere", 1);

describe("health", () => {
  beforeEach(resetDatabase);
  afterAll(() => unreachable.$disconnect());

  it("reports database and jobs ok when a worker heartbeat is fresh", async () => {
    await db.workerHeartbeat.create({ data: { id: "w1", seenAt: new Date() } });
    const response = await GET(new Request("http://localhost/api/tickets/health"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Awaited<ReturnType<typeof getHealth>>;
    expect(body.checks.database.status).toBe("ok");
    expect(body.checks.jobs.status).toBe("ok");
    expect(body.checks.email.status).toBe("ok");
  });

  it("says jobs are degraded with no live worker or an overdue backlog", async () => {
    expect((await getHealth()).checks.jobs.status).toBe("degraded");
    await db.workerHeartbeat.create({ data: { id: "w1", seenAt: new Date() } });
    await db.job.create({ data: { name: "x", payload: {}, runAt: new Date(Date.now() - 10 * 60_000) } });
    const jobs = (await getHealth()).checks.jobs;
    expect(jobs.status).toBe("degraded");
    expect(jobs.detail).toContain("1 overdue");
  });

  it("reports the database as degraded when it cannot be reached", async () => {
    const health = await getHealth(unreachable);
    expect(health.status).toBe("degraded");
    expect(health.checks.database.status).toBe("degraded");
    expect(health.checks.jobs.detail).toBe("database unreachable");
  });
});
