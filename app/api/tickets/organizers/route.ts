import { activeOrganizerSetCookie } from "@/lib/auth/resolve-active-organizer";
import { withUser } from "@/lib/auth/with-user";
import { readJson } from "@/lib/http/route";
import { createOrganizer, createOrganizerSchema } from "@/lib/organizers/create-organizer";

/** POST (signed in) → 201 with the new organizer, which also becomes the active one (cookie). */
export const POST = withUser(async (request, { user }) => {
  const input = await readJson(request, createOrganizerSchema);
  const organizer = await createOrganizer(user.id, input);
  return Response.json(organizer, {
    status: 201,
    headers: { "cache-control": "no-store", "set-cookie": activeOrganizerSetCookie(organizer.id) },
  });
});
