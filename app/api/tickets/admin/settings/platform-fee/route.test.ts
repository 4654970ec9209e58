import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { apiRequest, createUserWithSession, routeContext } from "@/lib/auth/testing";
import { getPlatformFee } from "@/lib/platform/get-platform-fee";
import { resetDatabase } from "@/lib/testing/db";
import { GET, PUT } from "./route";

const path = "/api/tickets/admin/settings/platform-fee";

describe("platform fee setting (admin)", () => {
  beforeEach(async () => {
    await resetDatabase();
    vi.stubEnv("ADMIN_EMAILS", "admin@stagedoor.test");
    loadEnv();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  it("lets a platform admin change the fee, audited, and checkout pricing picks it up", async () => {
    const admin = await createUserWithSession("admin@stagedoor.test");
    const fee = { fixedMinor: 150, percentBps: 300, minMinor: 50, maxMinor: 1500 };
    const response = await PUT(
      apiRequest(path, { method: "PUT", cookie: admin.cookie, body: fee }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    expect(await getPlatformFee("cad")).toEqual(fee);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "tickets.platform.fee_updated" } });
    expect(audit.actorUserId).toBe(admin.userId);
  });

  it("refuses organizers and anonymous callers, and names bad fields", async () => {
    const organizer = await createUserWithSession("owner@example.test");
    const fee = { fixedMinor: 1, percentBps: 1, minMinor: 0, maxMinor: 10 };
    expect((await PUT(apiRequest(path, { method: "PUT", body: fee }), routeContext())).status).toBe(404);
    expect(
      (await PUT(apiRequest(path, { method: "PUT", cookie: organizer.cookie, body: fee }), routeContext()))
        .status,
    ).toBe(404);
    expect((await GET(apiRequest(path, { cookie: organizer.cookie }), routeContext())).status).toBe(404);
    const admin = await createUserWithSession("admin@stagedoor.test");
    const bad = await PUT(
      apiRequest(path, { method: "PUT", cookie: admin.cookie, body: { ...fee, percentBps: 9000 } }),
      routeContext(),
    );
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toContain("percentBps");
    expect(await db.platformSetting.count()).toBe(0);
  });
});
