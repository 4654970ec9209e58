// A local HTTP stand-in for the Stripe endpoints Stagedoor uses, so tests drive the real `stripe` SDK over a
// real socket and assert exactly what went over the wire (method, path, headers, form body). Money follows
// Stripe's semantics (see stand-in-ledger.ts): paySession() pays a Checkout Session as Stripe would (payment
// intent, charge, transfer, application fee, Stripe Tax on top when the session asked for it), refunds,
// transfer reversals and application-fee refunds move money between a balance per account (and currency), which
// GET /v1/balance reads; GET /v1/payouts lists the payouts a test made with ledger.payout().
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getMinimumChargeMinor } from "@/lib/money/currencies";
import { PLATFORM, StandInError, StandInLedger } from "@/lib/payments/testing/stand-in-ledger";

export interface RecordedStripeRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The form-encoded body, decoded: `controller[stripe_dashboard][type]` → `express`. */
  form: Record<string, string>;
}

export type StandInAccount = Record<string, unknown> & { id: string };

export interface StandInTaxRate {
  displayName: string;
  rateBps: number;
  jurisdiction?: string;
}

export interface PaidSession {
  paymentIntentId: string;
  chargeId: string;
  amountTotal: number;
  amountTax: number;
}

interface SessionLineItem {
  name: string;
  unitAmount: number;
  quantity: number;
  taxes: { amount: number; rate: StandInTaxRate }[];
}

function sessionLineItems(form: Record<string, string>): SessionLineItem[] {
  const items: SessionLineItem[] = [];
  for (let i = 0; form[`line_items[${i}][quantity]`] !== undefined; i++) {
    items.push({
      name: form[`line_items[${i}][price_data][product_data][name]`] ?? "",
      unitAmount: Number(form[`line_items[${i}][price_data][unit_amount]`] ?? 0),
      quantity: Number(form[`line_items[${i}][quantity]`]),
      taxes: [],
    });
  }
  return items;
}

function lineItemJson(item: SessionLineItem, index: number, currency: string, withTaxes: boolean) {
  const subtotal = item.unitAmount * item.quantity;
  const tax = item.taxes.reduce((sum, t) => sum + t.amount, 0);
  return {
    id: `li_standin_${index}`,
    object: "item",
    amount_discount: 0,
    amount_subtotal: subtotal,
    amount_tax: tax,
    amount_total: subtotal + tax,
    currency,
    description: item.name,
    quantity: item.quantity,
    price: { object: "price", unit_amount: item.unitAmount, currency },
    ...(withTaxes
      ? {
          taxes: item.taxes.map((t) => ({
            amount: t.amount,
            rate: {
              id: `txr_standin_${t.rate.displayName}`,
              object: "tax_rate",
              display_name: t.rate.displayName,
              percentage: t.rate.rateBps / 100,
              effective_percentage: t.rate.rateBps / 100,
              inclusive: false,
              jurisdiction: t.rate.jurisdiction ?? null,
            },
            taxability_reason: "standard_rated",
            taxable_amount: subtotal,
          })),
        }
      : {}),
  };
}

function expanded(url: URL): string[] {
  return [...url.searchParams.entries()].filter(([key]) => key.startsWith("expand")).map(([, v]) => v);
}

function metadataOf(form: Record<string, string>): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) {
    const m = /^metadata\[(.+)\]$/.exec(name);
    if (m?.[1]) metadata[m[1]] = value;
  }
  return metadata;
}

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
  /** Payments, transfers, application fees and the balance of every account. */
  ledger: StandInLedger;
  /** An account's balance (the platform's when no account is given). */
  balance(account?: string): number;
  /** The status new refunds get ("pending" until a test settles them, or "succeeded" at once). */
  refundStatus: "pending" | "succeeded";
  /**
   * Pays an open Checkout Session as Stripe would: a payment intent and charge (on the connected account
   * for sessions created with Stripe-Account), the transfer of a destination charge, the application fee;
   * with automatic tax, `taxes` are added on top of every line item (rounded per line item).
   */
  paySession(id: string, options?: { taxes?: StandInTaxRate[]; cardFingerprint?: string }): PaidSession;
  /** Disputes GET /v1/disputes/:id answers with (tests put them here). */
  disputes: Map<string, Record<string, unknown> & { id: string }>;
  /** Answer every request with this HTTP status (e.g. 500), or null for normal service. 4xx answers are
   * `invalid_request_error`s (the SDK's StripeInvalidRequestError), 5xx `api_error`s. */
  failWith: number | null;
  /** The error message of failWith answers. */
  failMessage: string;
  /** The error code of failWith answers (e.g. amount_too_small), or null. */
  failCode: string | null;
  /** Answer only the requests this returns a status for (e.g. 400 for transfer reversals). */
  failWhen: ((request: { method: string; path: string }) => number | null) | null;
  /** Runs before each request is answered (tests use it to make something happen "meanwhile"). */
  beforeAnswer: ((request: RecordedStripeRequest) => Promise<void>) | null;
  /** Forgets every request and account (call in beforeEach). */
  reset(): void;
  close(): Promise<void>;
}

function newAccount(id: string, form: Record<string, string>): StandInAccount {
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
  /** What each session was created with: its form and the Stripe-Account it was created on. */
  const sessionCreations = new Map<string, { form: Record<string, string>; account: string | null }>();
  const sessionItems = new Map<string, SessionLineItem[]>();
  const ledger = new StandInLedger();
  const disputes = new Map<string, Record<string, unknown> & { id: string }>();
  /** Idempotency: `<path>|<key>` → the first answer, replayed for a retry with the same key. */
  const replies = new Map<string, [number, Record<string, unknown>]>();
  let counter = 0;
  const standIn: StripeStandIn = {
    url: "",
    requests,
    accounts,
    sessions,
    refunds: ledger.refunds,
    disputes,
    ledger,
    balance: (account) => ledger.balance(account ?? PLATFORM),
    refundStatus: "pending",
    failWith: null,
    failMessage: "stand-in failure",
    failCode: null,
    failWhen: null,
    beforeAnswer: null,
    updateAccount(id, patch) {
      const current = accounts.get(id);
      if (!current) throw new Error(`stand-in has no account ${id}`);
      accounts.set(id, { ...current, ...patch });
    },
    paySession(id, options = {}) {
      const session = sessions.get(id);
      const creation = sessionCreations.get(id);
      if (!session || !creation) throw new Error(`stand-in has no session ${id}`);
      if (session.status !== "open") throw new Error(`session ${id} is ${String(session.status)}`);
      const { form, account } = creation;
      const items = sessionLineItems(form);
      const automaticTax = form["automatic_tax[enabled]"] === "true";
      for (const item of items) {
        item.taxes = automaticTax
          ? (options.taxes ?? []).map((rate) => ({
              rate,
              amount: Math.round((item.unitAmount * item.quantity * rate.rateBps) / 10_000),
            }))
          : [];
      }
      sessionItems.set(id, items);
      const subtotal = items.reduce((sum, i) => sum + i.unitAmount * i.quantity, 0);
      const tax = items.reduce((sum, i) => sum + i.taxes.reduce((t, x) => t + x.amount, 0), 0);
      const currency = String(session.currency ?? "cad");
      const paid = ledger.pay({
        account,
        destination: form["payment_intent_data[transfer_data][destination]"] ?? null,
        amount: subtotal + tax,
        currency,
        applicationFee: Number(form["payment_intent_data[application_fee_amount]"] ?? 0),
        cardFingerprint: options.cardFingerprint,
      });
      Object.assign(session, {
        status: "complete",
        payment_status: "paid",
        payment_intent: paid.paymentIntentId,
        amount_subtotal: subtotal,
        amount_total: subtotal + tax,
        total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: tax },
      });
      return {
        paymentIntentId: paid.paymentIntentId,
        chargeId: paid.chargeId,
        amountTotal: subtotal + tax,
        amountTax: tax,
      };
    },
    reset() {
      requests.length = 0;
      accounts.clear();
      sessions.clear();
      sessionCreations.clear();
      sessionItems.clear();
      ledger.reset();
      disputes.clear();
      replies.clear();
      standIn.refundStatus = "pending";
      standIn.failWith = null;
      standIn.failMessage = "stand-in failure";
      standIn.failCode = null;
      standIn.failWhen = null;
      standIn.beforeAnswer = null;
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };

  const notFound = (response: ServerResponse, what: string) =>
    send(response, 404, {
      error: { type: "invalid_request_error", code: "resource_missing", message: `No such ${what}` },
    });

  /** Answers what `make` returns, or Stripe's error body for a StandInError it throws. */
  const answer = (make: () => Record<string, unknown>): [number, Record<string, unknown>] => {
    try {
      return [200, make()];
    } catch (error) {
      if (!(error instanceof StandInError)) throw error;
      const detail = { type: "invalid_request_error", message: error.message };
      return [error.status, { error: error.code ? { ...detail, code: error.code } : detail }];
    }
  };

  /** Runs `create` once per idempotency key and path; a retry with the key gets the first answer. */
  const once = (
    response: ServerResponse,
    path: string,
    key: string | undefined,
    create: () => Record<string, unknown>,
  ) => {
    const slot = key ? `${path}|${key}` : null;
    const seen = slot ? replies.get(slot) : undefined;
    const [status, body] = seen ?? answer(create);
    if (slot) replies.set(slot, [status, body]);
    return send(response, status, body);
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
      const path = url.pathname;
      const recorded = { method, path, headers, form };
      requests.push(recorded);
      await standIn.beforeAnswer?.(recorded);
      const failure = standIn.failWith ?? standIn.failWhen?.({ method, path }) ?? null;
      if (failure !== null) {
        send(response, failure, {
          error: {
            type: failure >= 500 ? "api_error" : "invalid_request_error",
            message: standIn.failMessage,
            ...(standIn.failCode ? { code: standIn.failCode } : {}),
          },
        });
        return;
      }
      const key = headers["idempotency-key"];
      const account = headers["stripe-account"] ?? PLATFORM;

      if (method === "POST" && path === "/v1/accounts") {
        return once(response, path, key, () => {
          counter += 1;
          const created = newAccount(`acct_standin${String(counter).padStart(4, "0")}`, form);
          accounts.set(created.id, created);
          return created;
        });
      }
      const accountPath = /^\/v1\/accounts\/([^/]+)$/.exec(path);
      if (method === "GET" && accountPath?.[1]) {
        const found = accounts.get(decodeURIComponent(accountPath[1]));
        return found ? send(response, 200, found) : notFound(response, "account");
      }
      if (method === "POST" && path === "/v1/account_links") {
        counter += 1;
        const now = Math.floor(Date.now() / 1000);
        return send(response, 200, {
          object: "account_link",
          created: now,
          expires_at: now + 300,
          url: `https://connect.stripe.test/setup/e/${form.account ?? "none"}/${counter}`,
        });
      }
      if (method === "POST" && path === "/v1/checkout/sessions") {
        return once(response, path, key, () => {
          const currency = form["line_items[0][price_data][currency]"] ?? "usd";
          const amount = sessionLineItems(form).reduce((sum, i) => sum + i.unitAmount * i.quantity, 0);
          if (form.mode !== "setup" && amount < getMinimumChargeMinor(currency)) {
            throw new StandInError("Amount must be at least the minimum charge.", 400, "amount_too_small");
          }
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
            amount_subtotal: null,
            amount_total: null,
            total_details: null,
            currency: form["line_items[0][price_data][currency]"] ?? null,
            payment_intent: null,
            expires_at: Number(form.expires_at ?? 0),
            url: `https://checkout.stripe.test/c/pay/${id}`,
          };
          sessions.set(id, session);
          sessionCreations.set(id, { form, account: headers["stripe-account"] ?? null });
          return session;
        });
      }
      const expirePath = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
      if (method === "POST" && expirePath?.[1]) {
        const found = sessions.get(decodeURIComponent(expirePath[1]));
        if (!found) return notFound(response, "checkout.session");
        return once(response, path, key, () => {
          if (found.status !== "open") {
            throw new StandInError(
              `Only Checkout Sessions with a status in ["open"] can be expired. This session has a status of "${String(found.status)}".`,
              400,
            );
          }
          found.status = "expired";
          return found;
        });
      }
      const sessionPath = /^\/v1\/checkout\/sessions\/([^/]+)(\/line_items)?$/.exec(path);
      if (method === "GET" && sessionPath?.[1]) {
        const id = decodeURIComponent(sessionPath[1]);
        const found = sessions.get(id);
        if (!found) return notFound(response, "checkout.session");
        if (!sessionPath[2]) {
          const intent = typeof found.payment_intent === "string" ? found.payment_intent : null;
          if (!intent || !expanded(url).includes("payment_intent.latest_charge")) {
            return send(response, 200, found);
          }
          return send(response, 200, {
            ...found,
            payment_intent: ledger.paymentIntentJson(account, intent, true),
          });
        }
        const currency = String(found.currency ?? "cad");
        const withTaxes = expanded(url).includes("data.taxes");
        const items = sessionItems.get(id) ?? sessionLineItems(sessionCreations.get(id)?.form ?? {});
        return send(response, 200, {
          object: "list",
          data: items.map((item, i) => lineItemJson(item, i, currency, withTaxes)),
          has_more: false,
          url: `/v1/checkout/sessions/${id}/line_items`,
        });
      }
      const intentPath = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
      if (method === "GET" && intentPath?.[1]) {
        const id = decodeURIComponent(intentPath[1]);
        const expand = expanded(url).includes("latest_charge");
        return send(response, ...answer(() => ledger.paymentIntentJson(account, id, expand)));
      }
      if (method === "POST" && path === "/v1/refunds") {
        return once(response, `${account}${path}`, key, () =>
          ledger.refund(account, form, metadataOf(form), standIn.refundStatus),
        );
      }
      if (method === "GET" && path === "/v1/refunds") {
        const charge = url.searchParams.get("charge");
        const data = [...ledger.refunds.values()].filter((r) => !charge || r.charge === charge);
        return send(response, 200, { object: "list", data, has_more: false, url: "/v1/refunds" });
      }
      const reversalPath = /^\/v1\/transfers\/([^/]+)\/reversals$/.exec(path);
      if (method === "POST" && reversalPath?.[1]) {
        return once(response, path, key, () =>
          ledger.createReversal(decodeURIComponent(reversalPath[1] ?? ""), form, metadataOf(form)),
        );
      }
      const feeRefundPath = /^\/v1\/application_fees\/([^/]+)\/refunds$/.exec(path);
      if (method === "POST" && feeRefundPath?.[1]) {
        return once(response, path, key, () =>
          ledger.createFeeRefund(decodeURIComponent(feeRefundPath[1] ?? ""), form, metadataOf(form)),
        );
      }
      if (method === "GET" && path === "/v1/balance") {
        return send(response, 200, ledger.balanceJson(account));
      }
      if (method === "GET" && path === "/v1/payouts") {
        const limit = Number(url.searchParams.get("limit") ?? 10);
        const mine = [...ledger.payouts.values()].filter((p) => p.account === account).reverse();
        return send(response, 200, {
          object: "list",
          data: mine.slice(0, limit).map((payout) => ({ ...payout, account: undefined })),
          has_more: mine.length > limit,
          url: "/v1/payouts",
        });
      }
      const refundPath = /^\/v1\/(refunds|disputes)\/([^/]+)$/.exec(path);
      if (method === "GET" && refundPath?.[1] && refundPath[2]) {
        const found = (refundPath[1] === "refunds" ? ledger.refunds : disputes).get(
          decodeURIComponent(refundPath[2]),
        );
        return found ? send(response, 200, found) : notFound(response, refundPath[1]);
      }
      send(response, 404, {
        error: { type: "invalid_request_error", message: `stand-in: ${method} ${path}` },
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return standIn;
}
