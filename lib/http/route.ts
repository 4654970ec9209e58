// The one adapter between Next.js route handlers and lib/: parse, call, map. Errors become problem+json.
import type { z } from "zod";
import { AppError, parseInput } from "@/lib/errors";
import { assertSafeInput } from "@/lib/http/input";
import { problemResponse } from "@/lib/http/problem";

export interface RouteContext<P> {
  params: Promise<P>;
}

type Handler<P> = (request: Request, context: RouteContext<P>) => Promise<Response | object | null>;

/** Wraps a handler: plain return values become JSON (200, or the `status` given), errors problem+json. */
export function apiRoute<P = Record<string, string>>(handler: Handler<P>, options: { status?: number } = {}) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const params = await context.params;
      assertSafeInput(params ?? {}, "params");
      const result = await handler(request, { params: Promise.resolve(params) });
      if (result instanceof Response) return result;
      if (result === null) return new Response(null, { status: 204 });
      return Response.json(result, {
        status: options.status ?? 200,
        headers: { "cache-control": "no-store" },
      });
    } catch (error) {
      return problemResponse(error, { method: request.method, path: new URL(request.url).pathname });
    }
  };
}

/**
 * Reads a JSON body and validates it: malformed JSON, a NUL character, an unsafe integer or a wrong shape is a
 * 422 naming the field.
 */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("validation", "The request body is not valid JSON.", {
      fields: [{ field: "body", message: "must be valid JSON" }],
    });
  }
  assertSafeInput(body);
  return parseInput(schema, body);
}

/** Validates a URL's search params (first value of each key; every value is checked by assertSafeInput). */
export function readQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = new URL(request.url).searchParams;
  for (const [key, value] of params) assertSafeInput({ [key]: value });
  return parseInput(schema, Object.fromEntries(params));
}

/** The caller's IP as seen by the first proxy, for rate limits. */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "unknown";
}
