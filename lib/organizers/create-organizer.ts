import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { z } from "zod";
import { emailSchema } from "@/lib/auth/email";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import {
  currencySchema,
  organizerNameSchema,
  slugSchema,
  timeZoneSchema,
} from "@/lib/organizers/organizer-rules";

export const createOrganizerSchema = z.object({
  name: organizerNameSchema,
  slug: slugSchema,
  contactEmail: emailSchema,
  defaultCurrency: currencySchema,
  timezone: timeZoneSchema,
});

export type CreateOrganizerInput = z.input<typeof createOrganizerSchema>;

export interface CreatedOrganizer {
  id: string;
  name: string;
  slug: string;
  contactEmail: string;
  defaultCurrency: string;
  timezone: string;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Creates an organizer with the user as its owner, in one transaction, with an audit entry. */
export async function createOrganizer(userId: string, input: unknown): Promise<CreatedOrganizer> {
  const data = parseInput(createOrganizerSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
      if (!user) throw new AppError("unauthorized", "Sign in to continue.");
      const organizer = await tx.organizer.create({
        data,
        select: {
          id: true,
          name: true,
          slug: true,
          contactEmail: true,
          defaultCurrency: true,
          timezone: true,
        },
      });
      const now = new Date();
      await tx.organizerMember.create({
        data: { organizerId: organizer.id, userId, email: user.email, role: "owner", acceptedAt: now },
      });
      await recordAudit(tx, {
        organizerId: organizer.id,
        actorUserId: userId,
        actorType: "user",
        action: "organizer.created",
        entityType: "organizer",
        entityId: organizer.id,
        data: { name: organizer.name, slug: organizer.slug },
      });
      return organizer;
    });
  } catch (error) {
    // The only unique column set here is the slug (the transaction is rolled back as a whole).
    if (isUniqueViolation(error)) throw AppError.conflict("That slug is already taken.", "slug");
    throw error;
  }
}
