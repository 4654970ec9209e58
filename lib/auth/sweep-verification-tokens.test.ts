import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { jobDefinitions, jobSchedules } from "@/lib/jobs/registry";
import {
  deleteExpiredVerificationTokens,
  sweepVerificationTokensJob,
} from "@/lib/auth/sweep-verification-tokens";
import { sweepRateLimitsJob } from "@/lib/rate-limit/sweep-rate-limits";
import { resetDatabase } from "@/lib/testing/db";

describe("verification-token sweep", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("deletes only expired tokens", async () => {
    await db.verificationToken.createMany({
      data: [
        { identifier: "a@example.com", token: "expired", expires: new Date(Date.now() - 1000) },
        { identifier: "b@example.com", token: "live", expires: new Date(Date.now() + 60_000) },
      ],
    });
    expect(await deleteExpiredVerificationTokens()).toBe(1);
    expect((await db.verificationToken.findMany()).map((t) => t.token)).toEqual(["live"]);
  });

  it("both sweeps are registered and scheduled every 10 minutes", () => {
    for (const job of [sweepVerificationTokensJob, sweepRateLimitsJob]) {
      expect(jobDefinitions).toContain(job);
      expect(jobSchedules).toContainEqual({ job, everyMs: 10 * 60_000 });
    }
  });
});
