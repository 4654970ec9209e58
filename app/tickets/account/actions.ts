"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { assertOrganizerAccess } from "@/lib/auth/assert-organizer-access";
import { ACTIVE_ORGANIZER_COOKIE, activeOrganizerCookieOptions } from "@/lib/auth/resolve-active-organizer";
import { requireUserPage } from "@/lib/auth/require-page";
import { ROLES } from "@/lib/auth/roles";

/** Makes one of the user's organizers the active one, then opens the portal. */
export async function openOrganizer(formData: FormData): Promise<void> {
  const user = await requireUserPage();
  const organizerId = String(formData.get("organizerId") ?? "");
  await assertOrganizerAccess(user.id, organizerId, ROLES.any);
  (await cookies()).set(ACTIVE_ORGANIZER_COOKIE, organizerId, activeOrganizerCookieOptions());
  redirect("/tickets/organizer");
}
