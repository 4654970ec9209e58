// Organizer roles and what each may do. owner ⊃ manager (events, orders, refunds, the team list); scanner only
// checks in: the portal shows a scanner the organizer's name and the events to check in, nothing else.
import type { MemberRole } from "@/lib/db/generated/enums";

export type { MemberRole };

export const MEMBER_ROLES = ["owner", "manager", "scanner"] as const satisfies readonly MemberRole[];

/** Who may do what; pass one of these to `withOrganizer` / `requireOrganizerPage`. */
export const ROLES = {
  /** Anyone on the team: see the portal. */
  any: ["owner", "manager", "scanner"],
  /** Events, tiers, discounts, orders, refunds. */
  manage: ["owner", "manager"],
  /** Seeing who is on the team (their emails); scanners reach check-in only. */
  team: ["owner", "manager"],
  /** Checking tickets in at the door. */
  checkIn: ["owner", "manager", "scanner"],
  /** Team, organizer settings, payouts. */
  owner: ["owner"],
} as const satisfies Record<string, readonly MemberRole[]>;

export function isMemberRole(value: unknown): value is MemberRole {
  return typeof value === "string" && (MEMBER_ROLES as readonly string[]).includes(value);
}

export function roleAllows(role: MemberRole, allowedRoles: readonly MemberRole[]): boolean {
  return allowedRoles.includes(role);
}

export const ROLE_LABELS: Record<MemberRole, string> = {
  owner: "Owner",
  manager: "Manager",
  scanner: "Scanner",
};
