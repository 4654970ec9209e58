// ENABLE_TICKETING=false turns the whole module off: every /tickets and /api/tickets path answers 404. The dev
// pages (/tickets/dev/*, /api/tickets/dev/*) answer 404 in production unless test mode was chosen.
import { NextResponse, type NextRequest } from "next/server";
import { devPagesEnabled, env } from "@/lib/env";

const DEV_PATH = /^\/(api\/)?tickets\/dev(\/|$)/;

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (env.ENABLE_TICKETING && (!DEV_PATH.test(pathname) || devPagesEnabled())) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json(
      {
        type: "https://stagedoor.dev/problems/not-found",
        title: "Not found",
        status: 404,
        detail: "Not found",
        code: "not_found",
      },
      { status: 404, headers: { "content-type": "application/problem+json" } },
    );
  }
  return new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain" } });
}

export const config = {
  matcher: ["/tickets", "/tickets/:path*", "/api/tickets", "/api/tickets/:path*"],
};
