import { PortalNav, type PortalNavItem } from "@/components/organizers/portal-nav";
import { badgeClass, ui } from "@/components/ui/styles";
import { requireAdminPage } from "@/lib/auth/require-page";

export const dynamic = "force-dynamic";

const ITEMS: PortalNavItem[] = [
  { href: "/tickets/admin", label: "Overview" },
  { href: "/tickets/admin/organizers", label: "Organizers" },
  { href: "/tickets/admin/events", label: "Events" },
  { href: "/tickets/admin/reports", label: "Reports" },
  { href: "/tickets/admin/audit", label: "Audit log" },
  { href: "/tickets/admin/webhooks", label: "Webhooks" },
  { href: "/tickets/admin/self-test", label: "Self-test" },
];

/** The platform admin portal: ADMIN_EMAILS only, checked once here for every page under it (and again by
 * each page and each API route); anyone else gets the 404 page, as for a path that does not exist. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdminPage();
  return (
    <div>
      <div className="border-b border-line bg-card">
        <div className="mx-auto flex w-full max-w-5xl flex-col gap-2 px-5 pt-3 sm:flex-row sm:items-end sm:justify-between">
          <div className="min-w-0">
            <strong className="block truncate">
              Stagedoor <span className={badgeClass("accent")}>Platform admin</span>
            </strong>
            <div className={ui.hint}>{user.email}</div>
          </div>
          <PortalNav items={ITEMS} label="Platform admin" root="/tickets/admin" />
        </div>
      </div>
      {children}
    </div>
  );
}
