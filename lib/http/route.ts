// The one adapter between Next.js route handlers and lib/: parse, call, map. Errors become problem+json.
import { isIP } from "node:net";
import type { z } from "zod";
import { env } from "@/lib/env";
import type { RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";
import { AppError, parseInput } from "@/lib/errors";
import { assertSafeInput } from "@/lib/http/input";
import { IDEMPOTENCY_KEY_HEADER, parseIdempotentRequest } from "@/lib/idempotency/parse-idempotent-request";
import { runIdempotent } from "@/lib/idempotency/run-idempotent";
import { problemResponse } from "@/lib/http/problem";

export interface RouteContext<P> {
  params: Promise<P>;
}

type Handler<P> = (request: Request, context: RouteContext<P>) => Promise<Response | object | null>;

/** Largest request body a route accepts unless it says otherwise (JSON bodies are small). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface ApiRouteOptions {
  /** Status of a plain (non-Response) result; default 200. */
  status?: number;
  /** Largest request body in bytes; a larger one is a 413 before anything reads it. */
  maxBodyBytes?: number;
  /** The field a 413 names (e.g. `file` for uploads); default `body`. */
  bodyField?: string;
  /** Media types a write's body may have; default JSON only. */
  contentTypes?: readonly string[];
  /**
   * `same-origin` (default): writes must come from APP_URL's origin (see assertSameOriginWrite). `none`: for
   * server-to-server endpoints authenticated by a signature, which browsers cannot forge (Stripe webhooks).
   */
  csrf?: "same-origin" | "none";
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF rule for writes: an `Origin` header must be APP_URL's origin; without one, `Sec-Fetch-Site` must be
 * `same-origin`; with neither (not a browser), the request must carry no cookies, so it cannot be riding on
 * a signed-in browser's session. Anything else is a 403.
 */
export function assertSameOriginWrite(request: Request): void {
  if (!WRITE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const allowed =
    origin !== null
      ? isOwnOrigin(origin)
      : site !== null
        ? site === "same-origin"
        : !request.headers.has("cookie");
  if (!allowed)
    throw new AppError(
      "forbidden",
      "Cross-site writes are not allowed: send this request from the app itself.",
    );
}

/**
 * APP_URL's origin; in development also the same scheme and port on localhost or 127.0.0.1 (the addresses
 * `next dev` serves, README "Start here"), so the app opened at either can buy tickets.
 */
function isOwnOrigin(origin: string): boolean {
  const app = new URL(env.APP_URL);
  if (origin === app.origin) return true;
  if (env.NODE_ENV !== "development" || !URL.canParse(origin)) return false;
  const given = new URL(origin);
  return (
    given.protocol === app.protocol &&
    given.port === app.port &&
    (given.hostname === "localhost" || given.hostname === "127.0.0.1")
  );
}

/** A write with a body must say it is one of `allowed` (by its media type); otherwise 415. */
function assertContentType(request: Request, hasBody: boolean, allowed: readonly string[]): void {
  if (!WRITE_METHODS.has(request.method)) return;
  const header = request.headers.get("content-type");
  if (header === null && !hasBody) return;
  const mediaType = header?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!allowed.includes(mediaType))
    throw new AppError("unsupported_media_type", `Send the request body as ${allowed.join(" or ")}.`, {
      fields: [{ field: "content-type", message: `must be ${allowed.join(" or ")}` }],
    });
}

/**
 * The body of `request`, read up to `maxBytes`: a declared Content-Length over the limit is refused unread,
 * and a body without one (chunked) is counted as it streams and cancelled once past the limit.
 */
export async function limitBody(request: Request, maxBytes: number, field = "body"): Promise<Request> {
  return (await bufferBody(request, maxBytes, field)).request;
}

async function bufferBody(
  request: Request,
  maxBytes: number,
  field = "body",
): Promise<{ request: Request; size: number; bytes: Buffer }> {
  if (request.body === null) return { request, size: 0, bytes: Buffer.alloc(0) };
  const tooLarge = () =>
    new AppError("payload_too_large", `The request body must be at most ${formatBytes(maxBytes)}.`, {
      fields: [{ field, message: `must be at most ${formatBytes(maxBytes)}` }],
    });
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks);
  const buffered = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: bytes,
    signal: request.signal,
  });
  return { request: buffered, size: total, bytes };
}

/** `request` (its body already read into `bytes`) without the header `name`. */
function withoutHeader(request: Request, bytes: Buffer, name: string): Request {
  const headers = new Headers(request.headers);
  headers.delete(name);
  return new Request(request.url, {
    method: request.method,
    headers,
    body: bytes.byteLength > 0 ? new Uint8Array(bytes) : null,
    signal: request.signal,
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/**
 * Wraps a handler: the body is limited (limitBody), path parameters checked (assertSafeInput); plain return
 * values become JSON (200, or the `status` given), errors problem+json. A write carrying an `Idempotency-Key`
 * header runs once per caller and key (runIdempotent): here, so every write endpoint has it, and after the
 * CSRF, size and content-type checks, so a refused request never takes a key.
 */
export function apiRoute<P = Record<string, string>>(handler: Handler<P>, options: ApiRouteOptions = {}) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const problemContext = { method: request.method, path: new URL(request.url).pathname };
    try {
      const params = await context.params;
      assertSafeInput(params ?? {}, "params");
      if (options.csrf !== "none") assertSameOriginWrite(request);
      const body = await bufferBody(
        request,
        options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        options.bodyField,
      );
      if (options.csrf !== "none")
        assertContentType(request, body.size > 0, options.contentTypes ?? ["application/json"]);
      const idempotent = WRITE_METHODS.has(request.method)
        ? parseIdempotentRequest(body.request, body.bytes)
        : null;
      // The key is this layer's: a handler that is itself an apiRoute (withOrganizer inside a route's own
      // checks) must not claim it again, or it would wait on the claim made here.
      const handlerRequest =
        idempotent === null ? body.request : withoutHeader(body.request, body.bytes, IDEMPOTENCY_KEY_HEADER);
      const respond = async (): Promise<Response> => {
        try {
          const result = await handler(handlerRequest, { params: Promise.resolve(params) });
          if (result instanceof Response) return result;
          if (result === null) return new Response(null, { status: 204 });
          return Response.json(result, {
            status: options.status ?? 200,
            headers: { "cache-control": "no-store" },
          });
        } catch (error) {
          return problemResponse(error, problemContext);
        }
      };
      return idempotent === null ? await respond() : await runIdempotent(idempotent, respond);
    } catch (error) {
      return problemResponse(error, problemContext);
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

/**
 * The caller's IP for per-IP rate limits: the X-Forwarded-For entry TRUSTED_PROXY_HOPS from the right, the
 * address our own outermost proxy saw (entries to its left are the client's to write). Null when it is not
 * known: with no trusted proxy, Next.js route handlers do not see the socket, and the header (which Next
 * fills with the socket address only when the client sent none) cannot be told from a forged one.
 */
export function clientIp(request: Request): string | null {
  const hops = env.TRUSTED_PROXY_HOPS;
  if (hops === 0) return null;
  const entries = (request.headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim());
  const entry = entries.length >= hops ? entries[entries.length - hops] : undefined;
  return entry !== undefined && isIP(entry) !== 0 ? entry : null;
}

/**
 * A per-IP rate-limit check, or none when the IP is not known: one bucket shared by every caller would let a
 * single client lock everyone out (every sign-in, every checkout). Per-address and per-code limits still
 * apply; behind a proxy, set TRUSTED_PROXY_HOPS to turn per-IP limits on.
 */
export function perIpLimit(
  ip: string | null,
  prefix: string,
  rule: RateLimitRule,
): { key: string; rule: RateLimitRule }[] {
  return ip === null ? [] : [{ key: `${prefix}:${ip}`, rule }];
}
