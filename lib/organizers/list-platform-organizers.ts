// Every organizer on the platform, for platform admins: Stripe status as last synced, event counts by
// status and the suspension. Platform-wide by design (the admin is not a tenant); admin callers only.
import "server-only";
import { db } from "@/lib/db";

export interface PlatformOrganizerRow {
  id: string;
  name: string;
  slug: string;
  contactEmail: string;
  status: "active" | "suspended";
  suspensionReason: string | null;
  suspendedAt: string | null;
  stripe: {
    accountId: string | null;
    kind: "express" | "standard" | null;
    testMode: boolean;
    chargesEnabled: boolean;
    payoutsEnabled: boolean;
    detailsSubmitted: boolean;
  };
  events: { total: number; published: number };
  createdAt: string;
}

export async function listPlatformOrganizers(): Promise<PlatformOrganizerRow[]> {
  const [organizers, counts] = await Promise.all([
    db.organizer.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        name: true,
        slug: true,
        contactEmail: true,
        status: true,
        suspensionReason: true,
        suspendedAt: true,
        stripeAccountId: true,
        stripeAccountKind: true,
        stripeTestMode: true,
        stripeChargesEnabled: true,
        stripePayoutsEnabled: true,
        stripeDetailsSubmitted: true,
        createdAt: true,
      },
    }),
    db.event.groupBy({ by: ["organizerId", "status"], _count: { _all: true } }),
  ]);
  const events = new Map<string, { total: number; published: number }>();
  for (const row of counts) {
    const entry = events.get(row.organizerId) ?? { total: 0, published: 0 };
    entry.total += row._count._all;
    if (row.status === "published") entry.published += row._count._all;
    events.set(row.organizerId, entry);
  }
  return organizers.map((o) => ({
    id: o.id,
    name: o.name,
    slug: o.slug,
    contactEmail: o.contactEmail,
    status: o.status,
    suspensionReason: o.suspensionReason,
    suspendedAt: o.suspendedAt?.toISOString() ?? null,
    stripe: {
      accountId: o.stripeAccountId,
      kind: o.stripeAccountKind,
      testMode: o.stripeTestMode,
      chargesEnabled: o.stripeChargesEnabled,
      payoutsEnabled: o.stripePayoutsEnabled,
      detailsSubmitted: o.stripeDetailsSubmitted,
    },
    events: events.get(o.id) ?? { total: 0, published: 0 },
    createdAt: o.createdAt.toISOString(),
  }));
}
