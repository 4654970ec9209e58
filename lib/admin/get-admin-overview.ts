import "server-only";
import { db } from "@/lib/db";

export interface AdminOverview {
  organizers: { total: number; suspended: number };
  events: { published: number; moderated: number; awaitingReview: number };
  openReports: number;
}

/** The admin overview's counts: what needs an admin's attention first (appeals, open reports). */
export async function getAdminOverview(): Promise<AdminOverview> {
  const [organizers, suspended, published, moderated, awaitingReview, openReports] = await Promise.all([
    db.organizer.count(),
    db.organizer.count({ where: { status: "suspended" } }),
    db.event.count({ where: { status: "published" } }),
    db.event.count({ where: { moderatedAt: { not: null } } }),
    db.event.count({ where: { appealedAt: { not: null } } }),
    db.eventReport.count({ where: { status: "open" } }),
  ]);
  return {
    organizers: { total: organizers, suspended },
    events: { published, moderated, awaitingReview },
    openReports,
  };
}
