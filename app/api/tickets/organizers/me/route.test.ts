import { beforeEach, describe, expect, it } from "vitest";
import { apiRequest } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { addMember, createOrganizerWithOwner } from "@/lib/testing/factories";
import { resetDatabase } from "@/lib/testing/db";
import { PATCH } from "./route";

const patch = (cookie: string, body: unknown) =>
  PATCH(apiRequest("/api/tickets/organizers/me", { method: "PATCH", cookie, body }), {
    params: Promise.resolve({}),
  });

describe("PATCH /api/tickets/organizers/me", () => {
  beforeEach(resetDatabase);

  it("lets the owner turn the PDF attachment on, audited with before and after", async () => {
    const { organizer, owner } = await createOrganizerWithOwner("paper-hall");
    const response = await patch(owner.cookie, { attachTicketsPdf: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ attachTicketsPdf: true });
    const stored = await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } });
    expect(stored.attachTicketsPdf).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "tickets.organizer.settings_updated" },
    });
    expect(audit).toMatchObject({
      organizerId: organizer.id,
      actorUserId: owner.userId,
      data: { before: { attachTicketsPdf: false }, after: { attachTicketsPdf: true } },
    });
  });

  it("refuses a non-boolean or an unknown setting with 422, and a manager with 403; writes nothing", async () => {
    const { organizer, owner } = await createOrganizerWithOwner("paper-hall");
    for (const body of [{ attachTicketsPdf: "yes" }, { logoUrl: "https://evil.example/x.png" }]) {
      const response = await patch(owner.cookie, body);
      expect(response.status).toBe(422);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
    const manager = await addMember(organizer.id, "manager@example.com", "manager");
    expect((await patch(manager.cookie, { attachTicketsPdf: true })).status).toBe(403);
    const stored = await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } });
    expect(stored).toMatchObject({ attachTicketsPdf: false, logoUrl: null });
    expect(await db.auditLog.count({ where: { action: "tickets.organizer.settings_updated" } })).toBe(0);
  });
});
