import { z } from "zod";
import { apiRoute, clientIp, readJson } from "@/lib/http/route";
import { createEventReport } from "@/lib/moderation/create-event-report";

/**
 * POST { category, details, email? } (public) → 201 { id }; 422 naming the field; 404 for an event that is
 * not public; 429 with Retry-After, per IP and per event.
 */
export const POST = apiRoute<{ id: string }>(
  async (request, { params }) => {
    const body = await readJson(request, z.unknown());
    return createEventReport((await params).id, body, { ip: clientIp(request) });
  },
  { status: 201 },
);
