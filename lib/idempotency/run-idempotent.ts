// Idempotency-Key for every write endpoint (issue 12 §2.3), applied by apiRoute: the first request with a key
// runs, a repeat gets the first response back, the same key with another request is a 422. The database
// decides who runs (one INSERT ... ON CONFLICT on the (caller, key) primary key), so concurrent repeats and
// several app instances still run the handler once.
import "server-only";
import { randomUUID } from "node:crypto";
import { db as defaultDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { IDEMPOTENCY_KEY_HEADER, type IdempotentRequest } from "@/lib/idempotency/parse-idempotent-request";
import { log } from "@/lib/log";

/** How long a key is remembered: a client retrying later than this sends a new request. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60_000;

/**
 * How long a claim stays `in_progress` before a repeat may take it over: the instance that held it died (or
 * its database went away) before storing the response. Well past the slowest handler (Stripe calls give up
 * after STRIPE_TIMEOUT_MS, 20 s by default), so a live request is never run twice.
 */
export const IDEMPOTENCY_LEASE_MS = 2 * 60_000;

/** How long a repeat waits for the first request to finish before answering 409. */
const WAIT_FOR_FIRST_MS = 5_000;
const POLL_MS = 100;

/** Bodies larger than this are not kept (writes answer small JSON); the key is released instead. */
const MAX_STORED_BODY_BYTES = 1024 * 1024;

export const IDEMPOTENT_REPLAYED_HEADER = "idempotent-replayed";

/**
 * Response headers a replay repeats: those describing the body or pointing at what was created. Never
 * set-cookie (a session must not be handed out again from a stored row) nor anything per-request.
 */
const REPLAYED_HEADERS = [
  "cache-control",
  "content-disposition",
  "content-language",
  "content-location",
  "content-type",
  "etag",
  "last-modified",
  "link",
  "location",
] as const;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export interface RunIdempotentOptions {
  db?: Db;
  /** For tests: how long a repeat waits for an in-progress first request. */
  waitMs?: number;
}

interface StoredKey {
  method: string;
  path: string;
  request_hash: string;
  state: "in_progress" | "completed";
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: Uint8Array | null;
}

/**
 * Runs `run` once per (caller, key) and answers repeats with the stored response (`Idempotent-Replayed: true`).
 * A response of 5xx, 409 or 429, or one too large to keep, releases the key instead: those say "try again",
 * and the retry must be able to run. `run` returns problem+json for errors itself; if it throws anyway the key
 * is released and the error passes on.
 */
export async function runIdempotent(
  request: IdempotentRequest,
  run: () => Promise<Response>,
  options: RunIdempotentOptions = {},
): Promise<Response> {
  const client = options.db ?? defaultDb;
  const deadline = Date.now() + (options.waitMs ?? WAIT_FOR_FIRST_MS);
  for (;;) {
    const claimToken = await claimKey(client, request);
    if (claimToken !== null) return runClaimed(client, request, claimToken, run);
    const stored = await findLiveKey(client, request);
    // Gone between the two statements (released after a failure, or just expired): claim it again.
    if (stored === null) continue;
    if (
      stored.method !== request.method ||
      stored.path !== request.path ||
      stored.request_hash !== request.requestHash
    )
      throw new AppError("validation", "This Idempotency-Key was used with a different request.", {
        fields: [{ field: IDEMPOTENCY_KEY_HEADER, message: "was used with a different request" }],
      });
    if (stored.state === "completed") return replay(stored);
    if (Date.now() >= deadline)
      throw new AppError(
        "conflict",
        "A request with this Idempotency-Key is still being processed. Try again in a moment.",
        { retryAfterSeconds: 1 },
      );
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * One statement, so the database picks exactly one winner among concurrent requests on any instance: insert
 * the claim, or take over a row that has expired (any request) or whose lease ran out (the same request only;
 * another one is still a mismatch). Returns the claim's token, or null when the key is someone else's.
 */
async function claimKey(client: Db, request: IdempotentRequest): Promise<string | null> {
  const token = randomUUID();
  const rows = await client.$queryRaw<{ claim_token: string }[]>`
    INSERT INTO tickets_idempotency_keys AS k
      (principal_hash, key, method, path, request_hash, state, claim_token, locked_until, created_at, expires_at)
    VALUES (${request.principalHash}, ${request.key}, ${request.method}, ${request.path}, ${request.requestHash},
            'in_progress', ${token}, now() + make_interval(secs => ${IDEMPOTENCY_LEASE_MS / 1000}::float8),
            now(), now() + make_interval(secs => ${IDEMPOTENCY_KEY_TTL_MS / 1000}::float8))
    ON CONFLICT (principal_hash, key) DO UPDATE SET
      method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
      state = 'in_progress', claim_token = EXCLUDED.claim_token, locked_until = EXCLUDED.locked_until,
      response_status = NULL, response_headers = NULL, response_body = NULL,
      created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
    WHERE k.expires_at <= now()
       OR (k.state = 'in_progress' AND k.locked_until <= now() AND k.method = EXCLUDED.method
           AND k.path = EXCLUDED.path AND k.request_hash = EXCLUDED.request_hash)
    RETURNING k.claim_token`;
  return rows[0]?.claim_token === token ? token : null;
}

/** The key's row unless it has expired (an expired row counts as absent; the next claim takes it over). */
async function findLiveKey(client: Db, request: IdempotentRequest): Promise<StoredKey | null> {
  const rows = await client.$queryRaw<StoredKey[]>`
    SELECT method, path, request_hash, state::text AS state, response_status, response_headers, response_body
    FROM tickets_idempotency_keys
    WHERE principal_hash = ${request.principalHash} AND key = ${request.key} AND expires_at > now()`;
  return rows[0] ?? null;
}

async function runClaimed(
  client: Db,
  request: IdempotentRequest,
  claimToken: string,
  run: () => Promise<Response>,
): Promise<Response> {
  const owned = { principalHash: request.principalHash, key: request.key, claimToken };
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await releaseKey(client, owned);
    throw error;
  }
  const { status } = response;
  if (status >= 500 || status === 409 || status === 429) {
    await releaseKey(client, owned);
    return response;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  const answer = new Response(NULL_BODY_STATUSES.has(status) ? null : body, {
    status,
    statusText: response.statusText,
    headers: response.headers,
  });
  if (body.byteLength > MAX_STORED_BODY_BYTES) {
    await releaseKey(client, owned);
    return answer;
  }
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  try {
    const { count } = await client.idempotencyKey.updateMany({
      where: owned,
      data: {
        state: "completed",
        lockedUntil: null,
        responseStatus: status,
        responseHeaders: headers,
        responseBody: body,
      },
    });
    if (count === 0)
      log.warn(
        { event: "tickets.http.idempotency_claim_lost", method: request.method, path: request.path },
        "idempotency claim was taken over before the response was stored",
      );
  } catch (error) {
    // The handler's work is done and this caller gets its answer. The claim stays in progress: repeats get
    // 409 until its lease runs out, and only then run again.
    log.error(
      {
        event: "tickets.http.idempotency_store_failed",
        method: request.method,
        path: request.path,
        err: error instanceof Error ? error.message.split("\n")[0] : String(error),
      },
      "could not store the response of an Idempotency-Key request",
    );
  }
  return answer;
}

/** Deletes our claim so a retry can run; a failure here only delays that retry until the lease ends. */
async function releaseKey(
  client: Db,
  owned: { principalHash: string; key: string; claimToken: string },
): Promise<void> {
  try {
    await client.idempotencyKey.deleteMany({ where: owned });
  } catch (error) {
    log.error(
      {
        event: "tickets.http.idempotency_release_failed",
        err: error instanceof Error ? error.message.split("\n")[0] : String(error),
      },
      "could not release an Idempotency-Key claim",
    );
  }
}

function replay(stored: StoredKey): Response {
  const status = stored.response_status ?? 200;
  const headers = new Headers(stored.response_headers ?? {});
  headers.set(IDEMPOTENT_REPLAYED_HEADER, "true");
  const body = NULL_BODY_STATUSES.has(status) ? null : new Uint8Array(stored.response_body ?? []);
  return new Response(body, { status, headers });
}
