import type { Metadata } from "next";
import { CreateOrganizerForm } from "@/components/organizers/create-organizer-form";
import { requireUserPage } from "@/lib/auth/require-page";
import { ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an organizer" };

/** Outside the (portal) guard on purpose: the guard sends users without an organizer here. */
export default async function NewOrganizerPage() {
  const user = await requireUserPage("/tickets/organizer/new");
  return (
    <main className={ui.narrowPage}>
      <h1>Create an organizer</h1>
      <p className={ui.muted}>
        An organizer is the venue or promoter that sells tickets. You will be its owner.
      </p>
      <CreateOrganizerForm defaultContactEmail={user.email} />
    </main>
  );
}
