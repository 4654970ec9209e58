// A local HTTP stand-in for the few Stripe endpoints onboarding uses, so tests drive the real `stripe` SDK
// over a real socket and assert exactly what went over the wire (method, path, headers, form body).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedStripeRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The form-encoded body, decoded: `controller[stripe_dashboard][type]` → `express`. */
  form: Record<string, string>;
}

export type StandInAccount = Record<string, unknown> & { id: string };

export interface StripeStandIn {
  /** For STRIPE_API_BASE, e.g. http://127.0.0.1:54321 */
  url: string;
  requests: RecordedStripeRequest[];
  accounts: Map<string, StandInAccount>;
  /** Checkout Sessions created through the stand-in, by id (tests may edit them, e.g. mark them paid). */
  sessions: Map<string, Record<string, unknown> & { id: string }>;
  /** Changes what GET /v1/accounts/:id answers from now on (the "truth" a re-fetch sees). */
  updateAccount(id: string, patch: Record<string, unknown>): void;
  /** Refunds created through the stand-in, by id (tests may edit them, e.g. mark them succeeded). */
  refunds: Map<string, Record<string, unknown> & { id: string }>;
  /** Disputes GET /v1/disputes/:id answers with (tests put them here). */
  disputes: Map<string, Record<string, unknown> & { id: string }>;
  /** Answer every request with this HTTP status (e.g. 500), or null for normal service. 4xx answers are
   * `invalid_request_error`s (the SDK's StripeInvalidRequestError), 5xx `api_error`s. */
  failWith: number | null;
  /** The error message of failWith answers. */
  failMessage: string;
  /** Runs before each request is answered (tests use it to make something happen "meanwhile"). */
  beforeAnswer: ((request: RecordedStripeRequest) => Promise<void>) | null;
  /** Forgets every request and account (call in beforeEach). */
  reset(): void;
  close(): Promise<void>;
}

function account(id: string, form: Record<string, string>): StandInAccount {
  const dashboard = form["controller[stripe_dashboard][type]"] ?? "full";
  return {
    id,
    object: "account",
    type: dashboard === "express" ? "express" : "standard",
    email: form.email ?? null,
    metadata: { organizer_id: form["metadata[organizer_id]"] ?? "" },
    controller: { type: "application", stripe_dashboard: { type: dashboard } },
    charges_enabled: false,
    payouts_enabled: false,
    details_submitted: false,
    requirements: {
      alternatives: [],
      current_deadline: null,
      currently_due: ["business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"],
      disabled_reason: "requirements.past_due",
      errors: [],
      eventually_due: ["business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"],
      past_due: ["external_account"],
      pending_verification: [],
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "request-id": "req_standin" });
  response.end(JSON.stringify(body));
}

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const requests: RecordedStripeRequest[] = [];
  const accounts = new Map<string, StandInAccount>();
  const sessions = new Map<string, Record<string, unknown> & { id: string }>();
  const refunds = new Map<string, Record<string, unknown> & { id: string }>();
  const disputes = new Map<string, Record<string, unknown> & { id: string }>();
  const byIdempotencyKey = new Map<string, string>();
  let counter = 0;
  const standIn: StripeStandIn = {
    url: "",
    requests,
    accounts,
    sessions,
    refunds,
    disputes,
    failWith: null,
    failMessage: "stand-in failure",
    beforeAnswer: null,
    updateAccount(id, patch) {
      const current = accounts.get(id);
      if (!current) throw new Error(`stand-in has no account ${id}`);
      accounts.set(id, { ...current, ...patch });
    },
    reset() {
      requests.length = 0;
      accounts.clear();
      sessions.clear();
      refunds.clear();
      disputes.clear();
      byIdempotencyKey.clear();
      standIn.failWith = null;
      standIn.failMessage = "stand-in failure";
      standIn.beforeAnswer = null;
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };

  const server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      const url = new URL(request.url ?? "/", "http://stand-in");
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === "string") headers[name] = value;
      }
      const form = Object.fromEntries(new URLSearchParams(raw));
      const method = request.method ?? "GET";
      const recorded = { method, path: url.pathname, headers, form };
      requests.push(recorded);
      await standIn.beforeAnswer?.(recorded);
      if (standIn.failWith !== null) {
        send(response, standIn.failWith, {
          error: {
            type: standIn.failWith >= 500 ? "api_error" : "invalid_request_error",
            message: standIn.failMessage,
          },
        });
        return;
      }

      if (method === "POST" && url.pathname === "/v1/accounts") {
        const key = headers["idempotency-key"];
        const existing = key ? byIdempotencyKey.get(key) : undefined;
        if (existing) return send(response, 200, accounts.get(existing));
        counter += 1;
        const created = account(`acct_standin${String(counter).padStart(4, "0")}`, form);
        accounts.set(created.id, created);
        if (key) byIdempotencyKey.set(key, created.id);
        return send(response, 200, created);
      }
      const accountPath = /^\/v1\/accounts\/([^/]+)$/.exec(url.pathname);
      if (method === "GET" && accountPath?.[1]) {
        const found = accounts.get(decodeURIComponent(accountPath[1]));
        if (found) return send(response, 200, found);
        return send(response, 404, {
          error: { type: "invalid_request_error", code: "resource_missing", message: "No such account" },
        });
      }
      if (method === "POST" && url.pathname === "/v1/account_links") {
        counter += 1;
        const now = Math.floor(Date.now() / 1000);
        return send(response, 200, {
          object: "account_link",
          created: now,
          expires_at: now + 300,
          url: `https://connect.stripe.test/setup/e/${form.account ?? "none"}/${counter}`,
        });
      }
      if (method === "POST" && url.pathname === "/v1/checkout/sessions") {
        const key = headers["idempotency-key"];
        const existing = key ? byIdempotencyKey.get(key) : undefined;
        if (existing) return send(response, 200, sessions.get(existing));
        counter += 1;
        const id = `cs_standin_${counter}`;
        const session = {
          id,
          object: "checkout.session",
          mode: form.mode ?? "payment",
          status: "open",
          payment_status: "unpaid",
          client_reference_id: form.client_reference_id ?? null,
          metadata: { order_id: form["metadata[order_id]"] ?? null },
          amount_total: null,
          currency: form["line_items[0][price_data][currency]"] ?? null,
          payment_intent: null,
          expires_at: Number(form.expires_at ?? 0),
          url: `https://checkout.stripe.test/c/pay/${id}`,
        };
        sessions.set(id, session);
        if (key) byIdempotencyKey.set(key, id);
        return send(response, 200, session);
      }
      const expirePath = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(url.pathname);
      if (method === "POST" && expirePath?.[1]) {
        const found = sessions.get(decodeURIComponent(expirePath[1]));
        if (!found) {
          return send(response, 404, {
            error: {
              type: "invalid_request_error",
              code: "resource_missing",
              message: "No such checkout.session",
            },
          });
        }
        if (found.status !== "open") {
          return send(response, 400, {
            error: {
              type: "invalid_request_error",
              message: `Only Checkout Sessions with a status in ["open"] can be expired. This session has a status of "${String(found.status)}".`,
            },
          });
        }
        found.status = "expired";
        return send(response, 200, found);
      }
      const sessionPath = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname);
      if (method === "GET" && sessionPath?.[1]) {
        const found = sessions.get(decodeURIComponent(sessionPath[1]));
        if (found) return send(response, 200, found);
        return send(response, 404, {
          error: {
            type: "invalid_request_error",
            code: "resource_missing",
            message: "No such checkout.session",
          },
        });
      }
      if (method === "POST" && url.pathname === "/v1/refunds") {
        const key = headers["idempotency-key"];
        const existing = key ? byIdempotencyKey.get(key) : undefined;
        if (existing) return send(response, 200, refunds.get(existing));
        counter += 1;
        const metadata: Record<string, string> = {};
        for (const [name, value] of Object.entries(form)) {
          const m = /^metadata\[(.+)\]$/.exec(name);
          if (m?.[1]) metadata[m[1]] = value;
        }
        const refund = {
          id: `re_standin_${counter}`,
          object: "refund",
          amount: Number(form.amount ?? 0),
          currency: "cad",
          charge: form.charge ?? `ch_for_${form.payment_intent ?? "none"}`,
          payment_intent: form.payment_intent ?? null,
          status: "pending",
          failure_reason: null,
          metadata,
        };
        refunds.set(refund.id, refund);
        if (key) byIdempotencyKey.set(key, refund.id);
        return send(response, 200, refund);
      }
      if (method === "GET" && url.pathname === "/v1/refunds") {
        const charge = url.searchParams.get("charge");
        const data = [...refunds.values()].filter((r) => !charge || r.charge === charge);
        return send(response, 200, { object: "list", data, has_more: false, url: "/v1/refunds" });
      }
      const refundPath = /^\/v1\/(refunds|disputes)\/([^/]+)$/.exec(url.pathname);
      if (method === "GET" && refundPath?.[1] && refundPath[2]) {
        const found = (refundPath[1] === "refunds" ? refunds : disputes).get(
          decodeURIComponent(refundPath[2]),
        );
        if (found) return send(response, 200, found);
        return send(response, 404, {
          error: {
            type: "invalid_request_error",
            code: "resource_missing",
            message: `No such ${refundPath[1]}`,
          },
        });
      }
      send(response, 404, {
        error: { type: "invalid_request_error", message: `stand-in: ${method} ${url.pathname}` },
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return standIn;
}
