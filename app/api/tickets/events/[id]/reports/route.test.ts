// "Report this event" (issue 14 §7): public, 422 naming the bad field, 404 for an event that is not public,
// rate-limited per IP (429 with Retry-After; another IP is unaffected); admins list open reports and dismiss
// them (404 for anyone else).
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as dismissRoute } from "@/app/api/tickets/admin/reports/[id]/dismiss/route";
import { GET as listRoute } from "@/app/api/tickets/admin/reports/route";
import { apiRequest, createUserWithSession, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { EVENT_REPORT_LIMITS } from "@/lib/moderation/create-event-report";
import { resetDatabase } from "@/lib/testing/db";
import { createEvent, createOnSaleEvent, createOrganizerWithOwner } from "@/lib/testing/factories";
import { POST } from "./route";

const ADMIN = "admin@stagedoor.test";
const GOOD = { category: "fraud", details: "The venue says this show does not exist.", email: "" };

const report = (eventId: string, body: unknown, ip = "203.0.113.7") =>
  POST(
    apiRequest(`/api/tickets/events/${eventId}/reports`, { body, headers: { "x-forwarded-for": ip } }),
    routeContext({ id: eventId }),
  );

describe("event reports", () => {
  beforeEach(async () => {
    await resetDatabase();
    vi.stubEnv("ADMIN_EMAILS", ADMIN);
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    loadEnv();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  it("stores a report from anyone and answers 201; 422 names each bad field; 404 for a draft", async () => {
    const { organizer } = await createOrganizerWithOwner();
    const event = await createOnSaleEvent(organizer.id);
    const created = await report(event.id, { ...GOOD, email: "Reader@Example.test" });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await db.eventReport.findUniqueOrThrow({ where: { id } })).toMatchObject({
      eventId: event.id,
      organizerId: organizer.id,
      category: "fraud",
      email: "reader@example.test",
      status: "open",
    });

    const bad = await report(event.id, { category: "boring", details: "short", email: "not-an-email" });
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(["category", "details", "email"]);

    const draft = await createEvent(organizer.id, { status: "draft" });
    expect((await report(draft.id, GOOD)).status).toBe(404);
    expect(await db.eventReport.count()).toBe(1);
  });

  it("limits one IP; another IP can still report", async () => {
    const { organizer } = await createOrganizerWithOwner();
    const event = await createOnSaleEvent(organizer.id);
    for (let i = 0; i < EVENT_REPORT_LIMITS.perIp.limit; i++)
      expect((await report(event.id, GOOD)).status).toBe(201);
    const limited = await report(event.id, GOOD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await report(event.id, GOOD, "198.51.100.9")).status).toBe(201);
    expect(await db.eventReport.count()).toBe(EVENT_REPORT_LIMITS.perIp.limit + 1);
  });

  it("admins list open reports and dismiss them; anyone else gets 404", async () => {
    const admin = await createUserWithSession(ADMIN);
    const { organizer, owner } = await createOrganizerWithOwner();
    const event = await createOnSaleEvent(organizer.id);
    const { id } = (await (await report(event.id, GOOD)).json()) as { id: string };
    const listAs = (cookie?: string, query = "") =>
      listRoute(apiRequest(`/api/tickets/admin/reports${query}`, { cookie }), routeContext());
    const dismissAs = (cookie?: string) =>
      dismissRoute(
        apiRequest(`/api/tickets/admin/reports/${id}/dismiss`, { method: "POST", cookie }),
        routeContext({ id }),
      );
    expect((await listAs(owner.cookie)).status).toBe(404);
    expect((await dismissAs(owner.cookie)).status).toBe(404);
    expect((await dismissAs()).status).toBe(404);
    const open = (await (await listAs(admin.cookie)).json()) as {
      reports: { id: string; event: { id: string } }[];
    };
    expect(open.reports.map((r) => [r.id, r.event.id])).toEqual([[id, event.id]]);
    expect((await dismissAs(admin.cookie)).status).toBe(200);
    expect((await dismissAs(admin.cookie)).status).toBe(409);
    expect(((await (await listAs(admin.cookie)).json()) as { reports: unknown[] }).reports).toEqual([]);
    const dismissed = (await (await listAs(admin.cookie, "?status=dismissed")).json()) as {
      reports: unknown[];
    };
    expect(dismissed.reports).toHaveLength(1);
    expect(
      await db.auditLog.count({ where: { action: "tickets.report.dismissed", actorUserId: admin.userId } }),
    ).toBe(1);
  });
});
