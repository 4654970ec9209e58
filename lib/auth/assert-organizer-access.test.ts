import { beforeEach, describe, expect, it } from "vitest";
import { assertOrganizerAccess } from "@/lib/auth/assert-organizer-access";
import { ROLES } from "@/lib/auth/roles";
import { withAdmin } from "@/lib/auth/with-admin";
import { apiRequest, createUserWithSession, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { removeMember } from "@/lib/organizers/remove-member";
import { resetDatabase } from "@/lib/testing/db";

async function organizer(slug: string) {
  return db.organizer.create({
    data: {
      name: slug,
      slug,
      contactEmail: "x@example.com",
      defaultCurrency: "cad",
      timezone: "America/Vancouver",
    },
  });
}

async function member(organizerId: string, email: string, role: "owner" | "manager" | "scanner") {
  const { userId } = await createUserWithSession(email);
  const row = await db.organizerMember.create({
    data: { organizerId, userId, email, role, acceptedAt: new Date() },
  });
  return { userId, memberId: row.id };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
}

describe("assertOrganizerAccess", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("lets members in with their role and the organizer to scope queries by", async () => {
    const org = await organizer("the-loft");
    const owner = await member(org.id, "owner@example.com", "owner");
    expect(await assertOrganizerAccess(owner.userId, org.id, ROLES.owner)).toEqual({
      organizer: { id: org.id, name: "the-loft", slug: "the-loft", timezone: org.timezone },
      role: "owner",
    });
  });

  it("answers not_found to non-members, invitees and for unknown organizers alike", async () => {
    const org = await organizer("the-loft");
    const other = await organizer("other");
    const outsider = await member(other.id, "outsider@example.com", "owner");
    await db.organizerMember.create({
      data: { organizerId: org.id, email: "invitee@example.com", role: "manager" },
    });
    const invitee = await createUserWithSession("invitee@example.com");
    expect(await codeOf(assertOrganizerAccess(outsider.userId, org.id, ROLES.any))).toBe("not_found");
    expect(await codeOf(assertOrganizerAccess(invitee.userId, org.id, ROLES.any))).toBe("not_found");
    expect(await codeOf(assertOrganizerAccess(outsider.userId, "no-such-organizer", ROLES.any))).toBe(
      "not_found",
    );
  });

  it("forbids members whose role is not allowed", async () => {
    const org = await organizer("the-loft");
    const scanner = await member(org.id, "door@example.com", "scanner");
    const manager = await member(org.id, "boss@example.com", "manager");
    expect(await codeOf(assertOrganizerAccess(scanner.userId, org.id, ROLES.manage))).toBe("forbidden");
    expect(await codeOf(assertOrganizerAccess(scanner.userId, org.id, ROLES.checkIn))).toBe("ok");
    expect(await codeOf(assertOrganizerAccess(manager.userId, org.id, ROLES.manage))).toBe("ok");
    expect(await codeOf(assertOrganizerAccess(manager.userId, org.id, ROLES.owner))).toBe("forbidden");
  });

  it("a removed member loses access at once", async () => {
    const org = await organizer("the-loft");
    const owner = await member(org.id, "owner@example.com", "owner");
    const manager = await member(org.id, "boss@example.com", "manager");
    expect(await codeOf(assertOrganizerAccess(manager.userId, org.id, ROLES.manage))).toBe("ok");
    await removeMember({ userId: owner.userId, organizerId: org.id }, manager.memberId);
    expect(await codeOf(assertOrganizerAccess(manager.userId, org.id, ROLES.any))).toBe("not_found");
  });
});

describe("withAdmin", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("404 signed out and for non-admins (the admin API looks like nothing is there), runs for admins", async () => {
    const handler = withAdmin(async (_request, { user }) => ({ email: user.email }));
    const previous = process.env.ADMIN_EMAILS;
    process.env.ADMIN_EMAILS = "root@example.com";
    loadEnv();
    try {
      const admin = await createUserWithSession("root@example.com");
      const user = await createUserWithSession("user@example.com");
      expect((await handler(apiRequest("/api/tickets/admin/x"), routeContext())).status).toBe(404);
      expect(
        (await handler(apiRequest("/api/tickets/admin/x", { cookie: user.cookie }), routeContext())).status,
      ).toBe(404);
      const ok = await handler(apiRequest("/api/tickets/admin/x", { cookie: admin.cookie }), routeContext());
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ email: "root@example.com" });
    } finally {
      if (previous === undefined) delete process.env.ADMIN_EMAILS;
      else process.env.ADMIN_EMAILS = previous;
      loadEnv();
    }
  });
});
