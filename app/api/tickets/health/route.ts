import { apiRoute } from "@/lib/http/route";
import { getHealth } from "@/lib/health/get-health";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const health = await getHealth();
  return Response.json(health, {
    status: health.checks.database.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
