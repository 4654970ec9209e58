import "server-only";
import { auditAction } from "@/lib/audit/record-audit";
import { normalizeEmail } from "@/lib/auth/email";
import { db as defaultDb, type Db } from "@/lib/db";

/**
 * Attaches pending invitations (member rows with this email and no user) to the user who just signed in
 * with that email, skipping an organizer the user already belongs to (one membership per user per
 * organizer). Runs on every sign-in; already-claimed rows are untouched, so it is idempotent. One statement
 * claims the rows and audits each claim (tickets.member.joined): a claim is recorded exactly once, even when
 * two requests race (the second finds the row claimed).
 */
export async function claimInvitations(
  userId: string,
  email: string,
  options: { db?: Db } = {},
): Promise<number> {
  const client = options.db ?? defaultDb;
  const now = new Date();
  return client.$executeRaw`
    WITH claimed AS (
      UPDATE tickets_organizer_members m
      SET user_id = ${userId}, accepted_at = ${now}, updated_at = ${now}
      WHERE m.email = ${normalizeEmail(email)} AND m.user_id IS NULL
        AND NOT EXISTS (
          SELECT 1 FROM tickets_organizer_members o WHERE o.organizer_id = m.organizer_id AND o.user_id = ${userId}
        )
      RETURNING m.id, m.organizer_id, m.role
    )
    INSERT INTO tickets_audit_log
      (id, organizer_id, actor_user_id, actor_type, action, entity_type, entity_id, data, created_at)
    SELECT gen_random_uuid()::text, c.organizer_id, ${userId}, 'user', ${auditAction("member.joined")},
           'organizer_member', c.id, jsonb_build_object('role', c.role::text), ${now}
    FROM claimed c`;
}
