// Auth.js's own endpoints (callback, session, signout, csrf...). Requests are re-addressed to APP_URL so a
// forged Host / X-Forwarded-Host can never end up in a magic link. POSTs get the same origin check and body
// limit as every route; the raw `signin/email` endpoint reads the address exactly once, refuses an ambiguous
// body (422), counts it against the limits of POST /api/tickets/auth/magic-link and hands Auth.js a body
// holding only that one spelling.
import { handlers } from "@/lib/auth/auth";
import { canonicalEmail } from "@/lib/auth/email";
import { assertMagicLinkRateLimit } from "@/lib/auth/request-magic-link";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
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

const ambiguous = (message: string) => AppError.validation("email", message);

/** The sign-in body's fields, each given once (Auth.js keeps the last of a repeated form field). */
function signInFields(body: string, contentType: string): Record<string, unknown> {
  if (contentType.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw AppError.validation("body", "must be valid JSON");
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      throw AppError.validation("body", "must be a JSON object");
    return parsed as Record<string, unknown>;
  }
  if (contentType.includes("application/x-www-form-urlencoded")) {
    const params = new URLSearchParams(body);
    const fields: Record<string, unknown> = {};
    for (const [key, value] of params) {
      if (key in fields) throw AppError.validation(key, "must be given once");
      fields[key] = value;
    }
    return fields;
  }
  throw new AppError("unsupported_media_type", "Send the sign-in form as a form or JSON.");
}

/** Validates and rate-limits a `signin/email` body; returns the body Auth.js gets (same fields, one email). */
async function checkedSignInBody(request: Request, body: string): Promise<string> {
  const contentType = request.headers.get("content-type") ?? "";
  const fields = signInFields(body, contentType);
  if (typeof fields.email !== "string") throw ambiguous("is required, once, as text");
  const email = canonicalEmail(fields.email);
  if (email === null) throw ambiguous("must be a single valid email address");
  await assertMagicLinkRateLimit(clientIp(request), email);
  const checked = { ...fields, email };
  return contentType.includes("application/json")
    ? JSON.stringify(checked)
    : new URLSearchParams(checked as Record<string, string>).toString();
}

export async function GET(request: Request): Promise<Response> {
  return handlers.GET(atAppOrigin(request));
}

export async function POST(request: Request): Promise<Response> {
  let body: string;
  try {
    assertSameOriginWrite(request);
    body = await (await limitBody(request, DEFAULT_MAX_BODY_BYTES)).text();
    if (new URL(request.url).pathname.endsWith("/signin/email"))
      body = await checkedSignInBody(request, body);
  } catch (error) {
    return problemResponse(error, { method: "POST", path: new URL(request.url).pathname });
  }
  return handlers.POST(atAppOrigin(request, body));
}
