import { z } from "zod";
import { findPublicEvents } from "@/lib/events/find-public-events";
import { apiRoute, readQuery } from "@/lib/http/route";

const querySchema = z.object({
  city: z.string().trim().max(80, { error: "must be at most 80 characters" }).optional(),
});

/** GET ?city= (public) → published events that have not ended yet, soonest first. */
export const GET = apiRoute(async (request) => {
  const { city } = readQuery(request, querySchema);
  const events = await findPublicEvents({ city: city || undefined });
  return Response.json(
    { events },
    { headers: { "cache-control": "public, max-age=30, stale-while-revalidate=60" } },
  );
});
