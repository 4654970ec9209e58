import type { Metadata } from "next";
import { OrganizerAdminTable } from "@/components/admin/organizer-admin-table";
import { ui } from "@/components/ui/styles";
import { requireAdminPage } from "@/lib/auth/require-page";
import { listPlatformOrganizers } from "@/lib/organizers/list-platform-organizers";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organizers" };

export default async function AdminOrganizersPage() {
  await requireAdminPage();
  const organizers = await listPlatformOrganizers();
  return (
    <main className={ui.page}>
      <h1>Organizers</h1>
      <p className={ui.hint}>
        Suspending an organizer stops their sales and publishing until you resume them; they see your reason
        in their portal.
      </p>
      <OrganizerAdminTable organizers={organizers} />
    </main>
  );
}
