// Issue 14 §9: every state change writes its audit entry in the same transaction as the change. Proof for a
// representative use-case per area (events, tiers, discounts, members, check-ins, admin overrides): make the
// audit insert fail (a trigger on tickets_audit_log refusing that action) and the change must be gone too.
// Control: a change audited in a separate transaction survives the same failure, so the test can tell.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { createUserWithSession } from "@/lib/auth/testing";
import { claimInvitations } from "@/lib/auth/claim-invitations";
import { recordScans } from "@/lib/checkin/record-scans";
import { createCheckinWorld, createTestDevice, issueTestTickets, nonce } from "@/lib/checkin/testing";
import { db } from "@/lib/db";
import { createDiscount } from "@/lib/discounts/create-discount";
import { publishEvent } from "@/lib/events/publish-event";
import { moderateEvent } from "@/lib/moderation/moderate-event";
import { removeMember } from "@/lib/organizers/remove-member";
import { suspendOrganizer } from "@/lib/organizers/suspend-organizer";
import { resetDatabase } from "@/lib/testing/db";
import { addMember, createEvent, createTier, hoursFromNow } from "@/lib/testing/factories";
import { createTier as createTierUseCase } from "@/lib/tiers/create-tier";

async function failAuditOf(action: string | null): Promise<void> {
  await db.$executeRaw`DELETE FROM test_failing_audit_actions`;
  if (action) await db.$executeRaw`INSERT INTO test_failing_audit_actions (action) VALUES (${action})`;
}

async function world() {
  const { owner, organizer, event, tier } = await createCheckinWorld(`audit-${Date.now()}`);
  return { owner, organizer, event, tier, actor: { organizerId: organizer.id, userId: owner.userId } };
}

type World = Awaited<ReturnType<typeof world>>;

interface Case {
  action: string;
  /** Runs the use-case; `changed` reads whether its change is in the database. */
  run: (w: World) => Promise<{ act: () => Promise<unknown>; changed: () => Promise<boolean> }>;
}

const CASES: Record<string, Case> = {
  "events: publish": {
    action: "tickets.event.published",
    run: async (w) => {
      const draft = await createEvent(w.organizer.id, {
        status: "draft",
        startsAt: hoursFromNow(30),
        endsAt: hoursFromNow(33),
      });
      await createTier(draft.id);
      return {
        act: () => publishEvent(w.actor, draft.id),
        changed: async () =>
          (await db.event.findUniqueOrThrow({ where: { id: draft.id } })).status === "published",
      };
    },
  },
  "tiers: create": {
    action: "tickets.tier.created",
    run: async (w) => ({
      act: () =>
        createTierUseCase(
          w.organizer.id,
          w.event.id,
          { name: "Balcony", priceMinor: 1000, capacity: 5 },
          { actorUserId: w.owner.userId },
        ),
      changed: async () => (await db.tier.count({ where: { eventId: w.event.id, name: "Balcony" } })) === 1,
    }),
  },
  "discounts: create": {
    action: "tickets.discount.created",
    run: async (w) => ({
      act: () =>
        createDiscount(
          w.organizer.id,
          w.event.id,
          { code: "AUDIT10", kind: "percent", percentBps: 1000 },
          { actorUserId: w.owner.userId },
        ),
      changed: async () => (await db.discount.count({ where: { eventId: w.event.id } })) === 1,
    }),
  },
  "members: remove": {
    action: "tickets.member.removed",
    run: async (w) => {
      await addMember(w.organizer.id, "leaving@audit.example", "manager");
      const member = await db.organizerMember.findFirstOrThrow({
        where: { organizerId: w.organizer.id, email: "leaving@audit.example" },
      });
      return {
        act: () => removeMember(w.actor, member.id),
        changed: async () => (await db.organizerMember.count({ where: { id: member.id } })) === 0,
      };
    },
  },
  "members: claim an invitation": {
    action: "tickets.member.joined",
    run: async (w) => {
      const invited = await db.organizerMember.create({
        data: { organizerId: w.organizer.id, email: "new@audit.example", role: "scanner" },
      });
      const user = await createUserWithSession("new@audit.example");
      return {
        act: () => claimInvitations(user.userId, "new@audit.example"),
        changed: async () =>
          (await db.organizerMember.findUniqueOrThrow({ where: { id: invited.id } })).userId !== null,
      };
    },
  },
  "check-ins: admit": {
    action: "tickets.ticket.checked_in",
    run: async (w) => {
      const [ticket] = await issueTestTickets(w.event.id, w.tier.id, 1);
      const device = await createTestDevice(w.organizer.id, w.event.id, w.owner.userId, "Door");
      const authenticated = {
        id: device.id,
        name: device.name,
        eventId: w.event.id,
        organizerId: w.organizer.id,
      };
      return {
        act: () =>
          recordScans(authenticated, [
            { nonce: nonce(), code: ticket!.secret, scannedAt: new Date().toISOString(), mode: "online" },
          ]),
        changed: async () => (await db.checkin.count({ where: { ticketId: ticket!.id } })) > 0,
      };
    },
  },
  "overrides: suspend an organizer": {
    action: "tickets.organizer.suspended",
    run: async (w) => {
      const admin = await createUserWithSession("admin@audit.example");
      return {
        act: () => suspendOrganizer(admin.userId, w.organizer.id, { reason: "audit test" }),
        changed: async () =>
          (await db.organizer.findUniqueOrThrow({ where: { id: w.organizer.id } })).status === "suspended",
      };
    },
  },
  "moderation: unpublish an event": {
    action: "tickets.event.moderated",
    run: async (w) => {
      const admin = await createUserWithSession("admin@audit.example");
      return {
        act: () => moderateEvent(admin.userId, w.event.id, { reason: "audit test" }),
        changed: async () =>
          (await db.event.findUniqueOrThrow({ where: { id: w.event.id } })).moderatedAt !== null,
      };
    },
  },
};

describe("audit entries commit and roll back with their change", () => {
  beforeAll(async () => {
    await db.$executeRawUnsafe(
      `CREATE TABLE IF NOT EXISTS test_failing_audit_actions (action text PRIMARY KEY)`,
    );
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_fail_audit() RETURNS trigger AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM test_failing_audit_actions WHERE action = NEW.action) THEN
          RAISE EXCEPTION 'audit refused for %', NEW.action;
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_audit ON tickets_audit_log`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_fail_audit BEFORE INSERT ON tickets_audit_log FOR EACH ROW EXECUTE FUNCTION test_fail_audit()`,
    );
  });
  afterAll(async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_audit ON tickets_audit_log`);
    await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_fail_audit()`);
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS test_failing_audit_actions`);
  });
  beforeEach(async () => {
    await resetDatabase();
    await failAuditOf(null);
  });

  for (const [name, testCase] of Object.entries(CASES)) {
    it(`${name}: no change without its ${testCase.action} entry, and one entry with it`, async () => {
      const refused = await world();
      const attempt = await testCase.run(refused);
      await failAuditOf(testCase.action);
      await expect(attempt.act()).rejects.toThrow();
      expect(await attempt.changed(), "the change rolled back with its audit entry").toBe(false);
      expect(await db.auditLog.count({ where: { action: testCase.action } })).toBe(0);

      await failAuditOf(null);
      await resetDatabase();
      const allowed = await world();
      const again = await testCase.run(allowed);
      await again.act();
      expect(await again.changed()).toBe(true);
      expect(await db.auditLog.count({ where: { action: testCase.action } })).toBe(1);
    });
  }

  it("control: a change audited in its own later transaction survives the same failure", async () => {
    const { tier, organizer, owner } = await world();
    await failAuditOf("tickets.tier.renamed_separately");
    const separately = async () => {
      await db.tier.update({ where: { id: tier.id }, data: { name: "Renamed" } });
      await recordAudit(db, {
        organizerId: organizer.id,
        actorUserId: owner.userId,
        actorType: "user",
        action: "tier.renamed_separately",
        entityType: "tier",
        entityId: tier.id,
      });
    };
    await expect(separately()).rejects.toThrow();
    expect((await db.tier.findUniqueOrThrow({ where: { id: tier.id } })).name).toBe("Renamed");
  });
});
