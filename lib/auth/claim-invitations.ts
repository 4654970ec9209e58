import "server-only";
import { normalizeEmail } from "@/lib/auth/email";
import { db as defaultDb, type Db } from "@/lib/db";

/**
 * Attaches pending invitations (member rows with this email and no user) to the user who just signed in
 * with that email. Runs on every sign-in; already-claimed rows are untouched, so it is idempotent.
 */
export async function claimInvitations(
  userId: string,
  email: string,
  options: { db?: Db } = {},
): Promise<number> {
  const client = options.db ?? defaultDb;
  const { count } = await client.organizerMember.updateMany({
    where: {
      email: normalizeEmail(email),
      userId: null,
      // One membership per user per organizer: skip an organizer the user already belongs to.
      organizer: { members: { none: { userId } } },
    },
    data: { userId, acceptedAt: new Date() },
  });
  return count;
}
