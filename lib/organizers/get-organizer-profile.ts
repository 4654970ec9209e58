import "server-only";
import type { OrganizerAccess } from "@/lib/auth/assert-organizer-access";
import { ROLES, roleAllows, type MemberRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface OrganizerProfile {
  id: string;
  name: string;
  slug: string;
  contactEmail: string;
  defaultCurrency: string;
  timezone: string;
  logoUrl: string | null;
  status: "active" | "suspended";
  attachTicketsPdf: boolean;
  stripe: {
    connected: boolean;
    testMode: boolean;
    chargesEnabled: boolean;
    payoutsEnabled: boolean;
    detailsSubmitted: boolean;
    syncedAt: Date | null;
  };
}

/** The organizer's profile and Stripe status (never the Stripe account id itself). */
export async function getOrganizerProfile(organizerId: string): Promise<OrganizerProfile> {
  const row = await db.organizer.findUnique({
    where: { id: organizerId },
    select: {
      id: true,
      name: true,
      slug: true,
      contactEmail: true,
      defaultCurrency: true,
      timezone: true,
      logoUrl: true,
      status: true,
      attachTicketsPdf: true,
      stripeAccountId: true,
      stripeTestMode: true,
      stripeChargesEnabled: true,
      stripePayoutsEnabled: true,
      stripeDetailsSubmitted: true,
      stripeSyncedAt: true,
    },
  });
  if (!row) throw AppError.notFound("Organizer not found.");
  const {
    stripeAccountId,
    stripeTestMode,
    stripeChargesEnabled,
    stripePayoutsEnabled,
    stripeDetailsSubmitted,
    stripeSyncedAt,
    ...profile
  } = row;
  return {
    ...profile,
    stripe: {
      connected: stripeAccountId !== null,
      testMode: stripeTestMode,
      chargesEnabled: stripeChargesEnabled,
      payoutsEnabled: stripePayoutsEnabled,
      detailsSubmitted: stripeDetailsSubmitted,
      syncedAt: stripeSyncedAt,
    },
  };
}

export type MemberOrganizerView = (
  OrganizerProfile | Pick<OrganizerAccess["organizer"], "id" | "name" | "slug">
) & {
  role: MemberRole;
};

/**
 * What a member sees of the organizer they act for, with their role: the profile for owners and managers; a
 * scanner (check-in only) gets the id, name and slug, not the contact email, currency or Stripe status.
 */
export async function getOrganizerForMember({
  organizer,
  role,
}: OrganizerAccess): Promise<MemberOrganizerView> {
  if (!roleAllows(role, ROLES.manage))
    return { id: organizer.id, name: organizer.name, slug: organizer.slug, role };
  return { ...(await getOrganizerProfile(organizer.id)), role };
}
