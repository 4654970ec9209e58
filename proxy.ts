// ENABLE_TICKETING=false turns the whole module off: every /tickets and /api/tickets path answers 404. The dev
// pages (/tickets/dev/*, /api/tickets/dev/*) answer 404 in production unless test mode was chosen.
// Every other answer gets the security headers (lib/http/security-headers.ts): pages a CSP with a fresh
// nonce, which Next.js reads from the request's CSP header and puts on its scripts.
import { NextResponse, type NextRequest } from "next/server";
import { devPagesEnabled, env } from "@/lib/env";
import {
  apiSecurityHeaders,
  createNonce,
  pageSecurityHeaders,
  type SecurityHeaderContext,
} from "@/lib/http/security-headers";

const DEV_PATH = /^\/(api\/)?tickets\/dev(\/|$)/;
const TICKETS_PATH = /^\/(api\/)?tickets(\/|$)/;

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const moduleOff =
    TICKETS_PATH.test(pathname) && !(env.ENABLE_TICKETING && (!DEV_PATH.test(pathname) || devPagesEnabled()));
  if (!moduleOff) return withSecurityHeaders(request);
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

function withSecurityHeaders(request: NextRequest): NextResponse {
  const context: SecurityHeaderContext = {
    pathname: request.nextUrl.pathname,
    production: env.NODE_ENV === "production",
    development: env.NODE_ENV === "development",
    appUrl: env.APP_URL,
    imageOrigins: env.STORAGE_DRIVER === "s3" && env.S3_PUBLIC_URL ? [new URL(env.S3_PUBLIC_URL).origin] : [],
  };
  if (request.nextUrl.pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    for (const [name, value] of Object.entries(apiSecurityHeaders(context)))
      response.headers.set(name, value);
    return response;
  }
  const headers = pageSecurityHeaders(context, createNonce());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["content-security-policy"] ?? "");
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but the build's static files and the scanner's service worker (it has its own scope rules).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|sw.js|checkin.webmanifest|checkin-icons/).*)"],
};
