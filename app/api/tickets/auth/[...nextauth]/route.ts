// Auth.js's own endpoints (callback, session, signout, csrf...). Requests are re-addressed to APP_URL so a
// forged Host / X-Forwarded-Host can never end up in a magic link, and the raw `signin/email` endpoint is
// rate-limited exactly like POST /api/tickets/auth/magic-link.
import { handlers } from "@/lib/auth/auth";
import { normalizeEmail } from "@/lib/auth/email";
import { assertMagicLinkRateLimit } from "@/lib/auth/request-magic-link";
import { env } from "@/lib/env";
import { problemResponse } from "@/lib/http/problem";
import { assertSameOriginWrite, clientIp, DEFAULT_MAX_BODY_BYTES, limitBody } from "@/lib/http/route";

function atAppOrigin(request: Request, body?: string): Request {
  const { pathname, search } = new URL(request.url);
  return new Request(new URL(`${pathname}${search}`, env.APP_URL), {
    method: request.method,
    headers: request.headers,
    body,
  });
}

function emailFromBody(body: string, contentType: string): string {
  try {
    if (contentType.includes("application/json")) {
      const parsed = JSON.parse(body) as { email?: unknown };
      return typeof parsed.email === "string" ? parsed.email : "";
    }
    return new URLSearchParams(body).get("email") ?? "";
  } catch {
    return "";
  }
}

export async function GET(request: Request): Promise<Response> {
  return handlers.GET(atAppOrigin(request));
}

export async function POST(request: Request): Promise<Response> {
  let body: string;
  try {
    assertSameOriginWrite(request);
    body = await (await limitBody(request, DEFAULT_MAX_BODY_BYTES)).text();
    if (new URL(request.url).pathname.endsWith("/signin/email")) {
      const email = normalizeEmail(emailFromBody(body, request.headers.get("content-type") ?? ""));
      await assertMagicLinkRateLimit(clientIp(request), email);
    }
  } catch (error) {
    return problemResponse(error, { method: "POST", path: new URL(request.url).pathname });
  }
  return handlers.POST(atAppOrigin(request, body));
}
