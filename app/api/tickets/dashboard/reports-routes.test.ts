// The report routes: owners and managers of the event's organizer only (another organizer's ids are 404, a
// scanner 403, nobody signed out 401), and 422 problem+json naming the field for a bad metrics query.
import { beforeEach, describe, expect, it } from "vitest";
import * as dashboardRoute from "@/app/api/tickets/dashboard/route";
import * as metricsRoute from "@/app/api/tickets/events/[id]/metrics/route";
import * as summaryRoute from "@/app/api/tickets/events/[id]/summary/route";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import type { EventMetrics, EventSummary, OrganizerDashboard } from "@/lib/reports/types";
import { createStoredOrder } from "@/lib/reports/testing";
import { resetDatabase } from "@/lib/testing/db";
import { addMember, createEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

async function world() {
  const a = await createOrganizerWithOwner("org-a");
  const b = await createOrganizerWithOwner("org-b");
  const event = await createEvent(a.organizer.id);
  const tier = await createTier(event.id);
  await createStoredOrder(event.id, { tierId: tier.id, totalMinor: 4_200, applicationFeeMinor: 200 });
  const theirs = await createEvent(b.organizer.id);
  const manager = await addMember(a.organizer.id, "manager@org-a.example", "manager");
  const scanner = await addMember(a.organizer.id, "scanner@org-a.example", "scanner");
  return { a, b, event, theirs, manager, scanner };
}

const summary = (id: string, cookie?: string) =>
  summaryRoute.GET(apiRequest(`/api/tickets/events/${id}/summary`, { cookie }), routeContext({ id }));
const metrics = (id: string, query: string, cookie?: string) =>
  metricsRoute.GET(
    apiRequest(`/api/tickets/events/${id}/metrics?${query}`, { cookie }),
    routeContext({ id }),
  );
const dashboard = (cookie?: string) =>
  dashboardRoute.GET(apiRequest("/api/tickets/dashboard", { cookie }), routeContext());

describe("report routes", () => {
  beforeEach(resetDatabase);

  it("answer the organizer's owners and managers; other organizers get 404, scanners 403, strangers 401", async () => {
    const { a, b, event, manager, scanner } = await world();
    const mine = await summary(event.id, manager.cookie);
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as EventSummary).money).toMatchObject([
      { grossMinor: 4_200, netMinor: 4_000 },
    ]);
    const series = await metrics(event.id, "interval=day", a.owner.cookie);
    expect(series.status).toBe(200);
    expect(
      ((await series.json()) as EventMetrics).series[0]?.points.some((p) => p.grossMinor === 4_200),
    ).toBe(true);

    for (const response of [
      await summary(event.id, b.owner.cookie),
      await metrics(event.id, "", b.owner.cookie),
    ]) {
      expect(response.status).toBe(404);
    }
    expect((await summary(event.id, scanner.cookie)).status).toBe(403);
    expect((await metrics(event.id, "", scanner.cookie)).status).toBe(403);
    expect((await dashboard(scanner.cookie)).status).toBe(403);
    expect((await summary(event.id)).status).toBe(401);
    expect((await dashboard()).status).toBe(401);

    const ours = (await (await dashboard(a.owner.cookie)).json()) as OrganizerDashboard;
    expect(ours.events.map((e) => e.event.id)).toEqual([event.id]);
    expect(ours.totals).toMatchObject([{ currency: "cad", grossMinor: 4_200 }]);
    const theirs = (await (await dashboard(b.owner.cookie)).json()) as OrganizerDashboard;
    expect(theirs.events.map((e) => e.event.id)).not.toContain(event.id);
    expect(theirs.totals).toEqual([]);
  });

  it.each([
    ["interval=week", "interval"],
    ["from=yesterday", "from"],
    ["to=2026-13-01", "to"],
    ["from=2026-11-05&to=2026-11-01", "to"],
    ["from=2026-01-01&to=2026-03-01&interval=hour", "interval"],
  ])("?%s is a 422 naming %s", async (query, field) => {
    const { a, event } = await world();
    const response = await metrics(event.id, query, a.owner.cookie);
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toContain(field);
  });
});
