// ENABLE_TICKETING=false turns the whole module off: every /tickets and /api/tickets path answers 404.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

export function proxy(request: NextRequest) {
  if (env.ENABLE_TICKETING) return NextResponse.next();
  if (request.nextUrl.pathname.startsWith("/api/")) {
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
