// Owners invite people by email. The invitation is a member row with that email and no user; the invitee's
// next sign-in with that address claims it. The email is queued in the same transaction (outbox).
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { z } from "zod";
import { emailSchema } from "@/lib/auth/email";
import { MEMBER_ROLES, type MemberRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { env } from "@/lib/env";
import { AppError, parseInput } from "@/lib/errors";

export const inviteMemberSchema = z.object({
  email: emailSchema,
  role: z.enum(MEMBER_ROLES, { error: "must be owner, manager or scanner" }),
});

export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

export interface Invitation {
  id: string;
  email: string;
  role: MemberRole;
  pending: true;
}

/** The link in the invitation email: sign in, then land in the portal. */
export function invitationUrl(): string {
  const url = new URL("/tickets/login", env.APP_URL);
  url.searchParams.set("callbackUrl", "/tickets/organizer");
  return url.toString();
}

/**
 * Creates (or renews, with the new role) an invitation and queues the email. The caller must already have
 * checked that the actor is an owner (routes use `withOrganizer(ROLES.owner, ...)`).
 * 409 naming `email` when that address is already a member.
 */
export async function inviteMember(
  actor: { userId: string; email: string; organizerId: string },
  input: unknown,
): Promise<Invitation> {
  const { email, role } = parseInput(inviteMemberSchema, input);
  return db.$transaction(async (tx) => {
    const organizer = await tx.organizer.findUnique({
      where: { id: actor.organizerId },
      select: { name: true },
    });
    if (!organizer) throw AppError.notFound("Organizer not found.");
    const existing = await tx.organizerMember.findUnique({
      where: { organizerId_email: { organizerId: actor.organizerId, email } },
      select: { userId: true },
    });
    if (existing?.userId) throw AppError.conflict("That person is already a member of this team.", "email");
    const member = await tx.organizerMember.upsert({
      where: { organizerId_email: { organizerId: actor.organizerId, email } },
      create: { organizerId: actor.organizerId, email, role, invitedById: actor.userId },
      update: { role, invitedById: actor.userId },
      select: { id: true, email: true, role: true },
    });
    await recordAudit(tx, {
      organizerId: actor.organizerId,
      actorUserId: actor.userId,
      actorType: "user",
      action: "member.invited",
      entityType: "organizer_member",
      entityId: member.id,
      data: { email, role },
    });
    await queueEmail(
      {
        to: email,
        template: "organizer-invite",
        organizerId: actor.organizerId,
        props: { url: invitationUrl(), organizerName: organizer.name, role, inviterEmail: actor.email },
      },
      { db: tx },
    );
    return { ...member, pending: true as const };
  });
}
