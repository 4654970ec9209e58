import { PortalNav, type PortalNavItem } from "@/components/organizers/portal-nav";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLE_LABELS, ROLES, roleAllows, type MemberRole } from "@/lib/auth/roles";
import { getOrganizerSuspension } from "@/lib/organizers/get-organizer-suspension";
import { alertClass, cx, ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";

/** The organizer portal: membership is checked once here for every page under it (and again per request in
 * each API route). /tickets/organizer/new lives outside this group so the "no organizer" redirect can't loop. */
export default async function OrganizerPortalLayout({ children }: { children: React.ReactNode }) {
  const { user, organizer, role } = await requireOrganizerPage(ROLES.any);
  const suspension = await getOrganizerSuspension(organizer.id);
  const items: (PortalNavItem & { roles: readonly MemberRole[] })[] = [
    { href: "/tickets/organizer", label: "Overview", roles: ROLES.any },
    { href: "/tickets/organizer/events", label: "Events", roles: ROLES.manage },
    { href: "/tickets/organizer/orders", label: "Orders", roles: ROLES.manage },
    { href: "/tickets/organizer/payments", label: "Payments", roles: ROLES.manage },
    { href: "/tickets/organizer/team", label: "Team", roles: ROLES.team },
  ];
  return (
    <div>
      <div className="border-b border-line bg-card">
        <div className="mx-auto flex w-full max-w-5xl flex-col gap-2 px-5 pt-3 sm:flex-row sm:items-end sm:justify-between">
          <div className="min-w-0">
            <strong className="block truncate">{organizer.name}</strong>
            <div className={ui.hint}>
              {user.email} · {ROLE_LABELS[role]}
            </div>
          </div>
          <PortalNav
            items={items.filter((i) => roleAllows(role, i.roles)).map(({ href, label }) => ({ href, label }))}
          />
        </div>
      </div>
      {suspension ? (
        <div className="mx-auto w-full max-w-5xl px-5 pt-4">
          <div className={cx(alertClass("error"), ui.stack)} role="alert" data-testid="suspension-banner">
            <strong>{organizer.name} is suspended by the platform.</strong>
            <p>Ticket sales are paused and events cannot be published until the suspension is lifted.</p>
            {suspension.reason ? <p>Reason: {suspension.reason}</p> : null}
          </div>
        </div>
      ) : null}
      {children}
    </div>
  );
}
