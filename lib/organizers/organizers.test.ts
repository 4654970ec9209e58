import { beforeEach, describe, expect, it } from "vitest";
import * as organizersRoute from "@/app/api/tickets/organizers/route";
import * as meRoute from "@/app/api/tickets/organizers/me/route";
import * as membersRoute from "@/app/api/tickets/organizers/members/route";
import * as memberRoute from "@/app/api/tickets/organizers/members/[id]/route";
import { apiRequest, createUserWithSession, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createOrganizer, type CreateOrganizerInput } from "@/lib/organizers/create-organizer";
import { removeMember } from "@/lib/organizers/remove-member";
import { resetDatabase } from "@/lib/testing/db";
import { caught } from "@/lib/testing/errors";

const valid: CreateOrganizerInput = {
  name: "The Loft",
  slug: "the-loft",
  contactEmail: "Bookings@TheLoft.example",
  defaultCurrency: "CAD",
  timezone: "america/vancouver",
};

describe("createOrganizer", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("creates the organizer, the owner membership and an audit entry, normalised", async () => {
    const { userId } = await createUserWithSession("owner@example.com");
    const organizer = await createOrganizer(userId, valid);
    expect(organizer).toMatchObject({
      name: "The Loft",
      slug: "the-loft",
      contactEmail: "bookings@theloft.example",
      defaultCurrency: "cad",
      timezone: "America/Vancouver",
    });
    const members = await db.organizerMember.findMany({ where: { organizerId: organizer.id } });
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ userId, email: "owner@example.com", role: "owner" });
    expect(members[0]?.acceptedAt).not.toBeNull();
    const audit = await db.auditLog.findMany({ where: { organizerId: organizer.id } });
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([["tickets.organizer.created", userId]]);
  });

  it("writes nothing when the membership cannot be written (one transaction)", async () => {
    const { userId } = await createUserWithSession("owner@example.com");
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION tickets_test_fail_member() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'membership insert failed'; END; $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER tickets_test_fail_member BEFORE INSERT ON tickets_organizer_members
      FOR EACH ROW EXECUTE FUNCTION tickets_test_fail_member()`);
    try {
      await expect(createOrganizer(userId, valid)).rejects.toThrow();
      expect(await db.organizer.count()).toBe(0);
      expect(await db.auditLog.count()).toBe(0);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER tickets_test_fail_member ON tickets_organizer_members`);
      await db.$executeRawUnsafe(`DROP FUNCTION tickets_test_fail_member()`);
    }
  });

  it("refuses a taken slug with 409 naming slug, whatever its case", async () => {
    const a = await createUserWithSession("a@example.com");
    const b = await createUserWithSession("b@example.com");
    await createOrganizer(a.userId, valid);
    const error = await caught(createOrganizer(b.userId, { ...valid, name: "Another", slug: "The-Loft" }));
    expect(error.status).toBe(409);
    expect(error.fields.map((f) => f.field)).toEqual(["slug"]);
    expect(await db.organizer.count()).toBe(1);
    expect(await db.organizerMember.count({ where: { userId: b.userId } })).toBe(0);
  });

  it("refuses bad input with 422 naming each field", async () => {
    const { userId } = await createUserWithSession("owner@example.com");
    const cases: [Partial<CreateOrganizerInput>, string][] = [
      [{ timezone: "Mars/Olympus_Mons" }, "timezone"],
      [{ defaultCurrency: "btc" }, "defaultCurrency"],
      [{ slug: "No Spaces" }, "slug"],
      [{ contactEmail: "nope" }, "contactEmail"],
      [{ name: " " }, "name"],
    ];
    for (const [override, field] of cases) {
      const error = await caught(createOrganizer(userId, { ...valid, ...override }));
      expect(error.status, field).toBe(422);
      expect(error.fields.map((f) => f.field)).toEqual([field]);
    }
    expect(await db.organizer.count()).toBe(0);
  });
});

describe("organizer routes", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  async function teamOf(ownerEmail: string, slug: string) {
    const owner = await createUserWithSession(ownerEmail);
    const organizer = await createOrganizer(owner.userId, { ...valid, name: slug, slug });
    return { owner, organizer };
  }

  async function addMember(organizerId: string, email: string, role: "owner" | "manager" | "scanner") {
    const member = await createUserWithSession(email);
    const row = await db.organizerMember.create({
      data: { organizerId, userId: member.userId, email, role, acceptedAt: new Date() },
    });
    return { ...member, memberId: row.id };
  }

  it("POST /organizers needs a session (401 problem+json), then creates and selects the organizer", async () => {
    const signedOut = await organizersRoute.POST(
      apiRequest("/api/tickets/organizers", { body: valid }),
      routeContext(),
    );
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get("content-type")).toBe("application/problem+json");

    const { cookie } = await createUserWithSession("owner@example.com");
    const created = await organizersRoute.POST(
      apiRequest("/api/tickets/organizers", { body: valid, cookie }),
      routeContext(),
    );
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; slug: string };
    expect(body.slug).toBe("the-loft");
    expect(created.headers.get("set-cookie")).toContain(`stagedoor_org=${body.id}`);

    const dup = await organizersRoute.POST(
      apiRequest("/api/tickets/organizers", { body: valid, cookie }),
      routeContext(),
    );
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("slug");
  });

  it("an unknown or expired session is signed out", async () => {
    const { cookie, userId } = await createUserWithSession("owner@example.com");
    await db.session.updateMany({ where: { userId }, data: { expires: new Date(Date.now() - 1000) } });
    const response = await meRoute.GET(apiRequest("/api/tickets/organizers/me", { cookie }), routeContext());
    expect(response.status).toBe(401);
    const forged = await meRoute.GET(
      apiRequest("/api/tickets/organizers/me", { cookie: "authjs.session-token=forged" }),
      routeContext(),
    );
    expect(forged.status).toBe(401);
  });

  it("GET /organizers/me returns the profile, the caller's role and Stripe status, not the account id", async () => {
    const { owner, organizer } = await teamOf("owner@example.com", "the-loft");
    await db.organizer.update({ where: { id: organizer.id }, data: { stripeAccountId: "acct_secret123" } });
    const response = await meRoute.GET(
      apiRequest("/api/tickets/organizers/me", { cookie: owner.cookie }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain("acct_secret123");
    expect(JSON.parse(text)).toMatchObject({
      id: organizer.id,
      slug: "the-loft",
      role: "owner",
      stripe: { connected: true, chargesEnabled: false, payoutsEnabled: false },
    });
  });

  it("a signed-in user with no organizer gets 404", async () => {
    const { cookie } = await createUserWithSession("lonely@example.com");
    const response = await meRoute.GET(apiRequest("/api/tickets/organizers/me", { cookie }), routeContext());
    expect(response.status).toBe(404);
  });

  it("picks the organizer from the header, else the cookie, else the first membership", async () => {
    const { owner, organizer: first } = await teamOf("owner@example.com", "first-venue");
    const second = await createOrganizer(owner.userId, { ...valid, name: "Second", slug: "second-venue" });
    const other = await teamOf("other@example.com", "other-venue");
    const slugFor = async (init: { cookie: string; headers?: Record<string, string> }) => {
      const response = await meRoute.GET(apiRequest("/api/tickets/organizers/me", init), routeContext());
      return response.ok ? ((await response.json()) as { slug: string }).slug : response.status;
    };
    expect(await slugFor({ cookie: owner.cookie })).toBe("first-venue");
    expect(await slugFor({ cookie: `${owner.cookie}; stagedoor_org=${second.id}` })).toBe("second-venue");
    expect(
      await slugFor({
        cookie: `${owner.cookie}; stagedoor_org=${second.id}`,
        headers: { "x-organizer-id": first.id },
      }),
    ).toBe("first-venue");
    // Someone else's organizer: not found, whether it exists or not (no existence leak).
    expect(await slugFor({ cookie: owner.cookie, headers: { "x-organizer-id": other.organizer.id } })).toBe(
      404,
    );
    expect(await slugFor({ cookie: owner.cookie, headers: { "x-organizer-id": "does-not-exist" } })).toBe(
      404,
    );
    // A cookie naming someone else's organizer is ignored.
    expect(await slugFor({ cookie: `${owner.cookie}; stagedoor_org=${other.organizer.id}` })).toBe(
      "first-venue",
    );
  });

  it("invites: owners only; creates a pending row and queues the invitation email", async () => {
    const { owner, organizer } = await teamOf("owner@example.com", "the-loft");
    const scanner = await addMember(organizer.id, "door@example.com", "scanner");
    const manager = await addMember(organizer.id, "boss@example.com", "manager");
    const invite = (cookie: string, body: unknown) =>
      membersRoute.POST(apiRequest("/api/tickets/organizers/members", { body, cookie }), routeContext());

    expect((await invite(scanner.cookie, { email: "x@example.com", role: "scanner" })).status).toBe(403);
    expect((await invite(manager.cookie, { email: "x@example.com", role: "scanner" })).status).toBe(403);
    expect(await db.organizerMember.count({ where: { email: "x@example.com" } })).toBe(0);

    const created = await invite(owner.cookie, { email: "New@Example.com", role: "manager" });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ email: "new@example.com", role: "manager", pending: true });
    const row = await db.organizerMember.findFirstOrThrow({
      where: { organizerId: organizer.id, email: "new@example.com" },
    });
    expect(row.userId).toBeNull();
    expect(row.invitedById).toBe(owner.userId);
    const email = await db.emailOutbox.findFirstOrThrow({ where: { template: "organizer-invite" } });
    expect(email.toAddress).toBe("new@example.com");
    expect(email.organizerId).toBe(organizer.id);
    expect(email.text).toContain("/tickets/login?callbackUrl=%2Ftickets%2Forganizer");

    // Inviting again renews the invitation with the new role (one row).
    expect((await invite(owner.cookie, { email: "new@example.com", role: "scanner" })).status).toBe(201);
    const rows = await db.organizerMember.findMany({
      where: { organizerId: organizer.id, email: "new@example.com" },
    });
    expect(rows.map((r) => r.role)).toEqual(["scanner"]);

    const already = await invite(owner.cookie, { email: "door@example.com", role: "owner" });
    expect(already.status).toBe(409);
    expect(((await already.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("email");
    const bad = await invite(owner.cookie, { email: "x@example.com", role: "admin" });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("role");
  });

  it("lists the team to owners and managers, with pending invitations marked; scanners get 403", async () => {
    const { organizer } = await teamOf("owner@example.com", "the-loft");
    const scanner = await addMember(organizer.id, "door@example.com", "scanner");
    const manager = await addMember(organizer.id, "boss@example.com", "manager");
    await db.organizerMember.create({
      data: { organizerId: organizer.id, email: "pending@example.com", role: "manager" },
    });
    const list = (cookie: string) =>
      membersRoute.GET(apiRequest("/api/tickets/organizers/members", { cookie }), routeContext());
    const denied = await list(scanner.cookie);
    expect(denied.status).toBe(403);
    expect(await denied.text()).not.toContain("owner@example.com");
    const response = await list(manager.cookie);
    expect(response.status).toBe(200);
    const { members } = (await response.json()) as {
      members: { email: string; role: string; pending: boolean }[];
    };
    expect(members.map((m) => [m.email, m.role, m.pending])).toEqual([
      ["owner@example.com", "owner", false],
      ["boss@example.com", "manager", false],
      ["pending@example.com", "manager", true],
      ["door@example.com", "scanner", false],
    ]);
  });

  it("GET /organizers/me gives a scanner the organizer's name and their role only", async () => {
    const { organizer } = await teamOf("owner@example.com", "the-loft");
    const scanner = await addMember(organizer.id, "door@example.com", "scanner");
    const response = await meRoute.GET(
      apiRequest("/api/tickets/organizers/me", { cookie: scanner.cookie }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: organizer.id,
      name: organizer.name,
      slug: "the-loft",
      role: "scanner",
    });
  });

  it("removal ends access on the very next request", async () => {
    const { owner, organizer } = await teamOf("owner@example.com", "the-loft");
    const manager = await addMember(organizer.id, "boss@example.com", "manager");
    const me = () =>
      meRoute.GET(apiRequest("/api/tickets/organizers/me", { cookie: manager.cookie }), routeContext());
    expect((await me()).status).toBe(200);

    const removed = await memberRoute.DELETE(
      apiRequest(`/api/tickets/organizers/members/${manager.memberId}`, {
        method: "DELETE",
        cookie: owner.cookie,
      }),
      routeContext({ id: manager.memberId }),
    );
    expect(removed.status).toBe(204);
    expect((await me()).status).toBe(404);
    expect(
      await db.auditLog.count({ where: { action: "tickets.member.removed", entityId: manager.memberId } }),
    ).toBe(1);
  });

  it("cannot remove the last owner (409), can once there is another", async () => {
    const { owner, organizer } = await teamOf("owner@example.com", "the-loft");
    const ownerRow = await db.organizerMember.findFirstOrThrow({ where: { userId: owner.userId } });
    const remove = (cookie: string, id: string) =>
      memberRoute.DELETE(
        apiRequest(`/api/tickets/organizers/members/${id}`, { method: "DELETE", cookie }),
        routeContext({ id }),
      );

    expect((await remove(owner.cookie, ownerRow.id)).status).toBe(409);
    // A pending owner invitation does not count as an owner.
    await db.organizerMember.create({
      data: { organizerId: organizer.id, email: "future@example.com", role: "owner" },
    });
    expect((await remove(owner.cookie, ownerRow.id)).status).toBe(409);

    const second = await addMember(organizer.id, "co-owner@example.com", "owner");
    expect((await remove(second.cookie, ownerRow.id)).status).toBe(204);
    expect(
      (await meRoute.GET(apiRequest("/api/tickets/organizers/me", { cookie: owner.cookie }), routeContext()))
        .status,
    ).toBe(404);
  });

  it("two owners removing each other at once leave one owner", async () => {
    const { owner, organizer } = await teamOf("owner@example.com", "the-loft");
    const ownerRow = await db.organizerMember.findFirstOrThrow({ where: { userId: owner.userId } });
    const second = await addMember(organizer.id, "co-owner@example.com", "owner");
    const remove = (cookie: string, id: string) =>
      memberRoute.DELETE(
        apiRequest(`/api/tickets/organizers/members/${id}`, { method: "DELETE", cookie }),
        routeContext({ id }),
      );
    const statuses = (
      await Promise.all([remove(owner.cookie, second.memberId), remove(second.cookie, ownerRow.id)])
    ).map((r) => r.status);
    // One wins; the other is refused as the last owner (409) or, if it came second, is no longer a member (404).
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 404 || s === 409)).toHaveLength(1);
    expect(await db.organizerMember.count({ where: { organizerId: organizer.id, role: "owner" } })).toBe(1);
  });

  // On the embedded PGlite transactions are serialised anyway; against a real server (DATABASE_URL) this
  // fails without the FOR UPDATE on the organizer row in removeMember.
  it("past the access check, concurrent removals of the last two owners are serialised by the organizer lock", async () => {
    const { owner, organizer } = await teamOf("owner@example.com", "the-loft");
    const ownerRow = await db.organizerMember.findFirstOrThrow({ where: { userId: owner.userId } });
    const second = await addMember(organizer.id, "co-owner@example.com", "owner");
    const results = await Promise.allSettled([
      removeMember({ userId: owner.userId, organizerId: organizer.id }, second.memberId),
      removeMember({ userId: second.userId, organizerId: organizer.id }, ownerRow.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(isAppError(rejected?.reason) && rejected.reason.code).toBe("conflict");
    expect(await db.organizerMember.count({ where: { organizerId: organizer.id, role: "owner" } })).toBe(1);
  });

  it("cannot touch another organizer's members (404, row kept)", async () => {
    const a = await teamOf("a@example.com", "venue-a");
    const b = await teamOf("b@example.com", "venue-b");
    const bScanner = await addMember(b.organizer.id, "door-b@example.com", "scanner");
    const response = await memberRoute.DELETE(
      apiRequest(`/api/tickets/organizers/members/${bScanner.memberId}`, {
        method: "DELETE",
        cookie: a.owner.cookie,
      }),
      routeContext({ id: bScanner.memberId }),
    );
    expect(response.status).toBe(404);
    expect(await db.organizerMember.count({ where: { id: bScanner.memberId } })).toBe(1);
  });
});
