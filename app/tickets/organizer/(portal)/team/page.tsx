import type { Metadata } from "next";
import { TeamManager } from "@/components/organizers/team-manager";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLES } from "@/lib/auth/roles";
import { listMembers } from "@/lib/organizers/list-members";
import { ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const { user, organizer, role } = await requireOrganizerPage(ROLES.team);
  const members = await listMembers(organizer.id);
  return (
    <main className={ui.page}>
      <h1>Team</h1>
      <TeamManager
        initialMembers={members.map(({ id, email, role: memberRole, pending }) => ({
          id,
          email,
          role: memberRole,
          pending,
        }))}
        canManage={role === "owner"}
        currentUserEmail={user.email}
      />
    </main>
  );
}
