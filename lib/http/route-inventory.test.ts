// Route inventory × roles: every page and route handler under app/ is in ROUTE_INVENTORY (a new one fails
// here until it is listed), and for each of them every role gets exactly the answer listed: let in, or
// refused (401 / 403 / 404, or a redirect to login or to "denied"). Route handlers are called directly with
// each role's real session cookie, order link or device token; pages are called as server components with
// next/headers answering that role's cookie, so their guards (lib/auth/require-page.ts, layouts) run.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUserWithSession, TEST_ORIGIN } from "@/lib/auth/testing";
import { createTestDevice } from "@/lib/checkin/testing";
import { db } from "@/lib/db";
import { createDiscount } from "@/lib/discounts/create-discount";
import { loadEnv } from "@/lib/env";
import { ACCESS_ROLES, ROUTE_INVENTORY, type AccessRole } from "@/lib/http/route-inventory";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { getStorage } from "@/lib/storage/get-storage";
import { resetDatabase } from "@/lib/testing/db";
import { addMember, createOrganizerWithOwner } from "@/lib/testing/factories";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { stubWalletEnv } from "@/lib/wallet/testing";

class NavigationThrow extends Error {
  constructor(readonly target: string) {
    super(`navigation to ${target}`);
  }
}

const requestCookie = vi.hoisted(() => ({ value: "" }));

vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  redirect: (url: string) => {
    throw new NavigationThrow(url);
  },
  notFound: () => {
    throw new NavigationThrow("404");
  },
}));

// The root layout awaits connection() (render per request, for the CSP nonce): a no-op outside Next.js.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => undefined,
}));

vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => new Headers(requestCookie.value ? { cookie: requestCookie.value } : {}),
  cookies: async () => {
    const jar = new Map(
      requestCookie.value
        .split(";")
        .map((part) => part.trim().split("="))
        .filter((pair): pair is [string, string] => pair.length === 2 && !!pair[0])
        .map(([name, value]) => [name, { name, value }] as const),
    );
    return {
      get: (name: string) => jar.get(name),
      has: (name: string) => jar.has(name),
      getAll: () => [...jar.values()],
    };
  },
}));

const APP_DIR = path.resolve(import.meta.dirname, "../../app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

interface FoundFile {
  kind: "route" | "page";
  /** The URL path as in app/, without (groups): /api/tickets/events/[id]. */
  path: string;
  file: string;
  /** Layouts from the root down to the page's folder (pages only). */
  layouts: string[];
}

function walk(dir: string, segments: string[], layouts: string[], found: FoundFile[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const here = entries.some((e) => e.isFile() && e.name === "layout.tsx")
    ? [...layouts, path.join(dir, "layout.tsx")]
    : layouts;
  const urlPath = `/${segments.filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
  for (const entry of entries) {
    if (entry.isDirectory()) walk(path.join(dir, entry.name), [...segments, entry.name], here, found);
    else if (entry.name === "route.ts" || entry.name === "route.tsx")
      found.push({ kind: "route", path: urlPath, file: path.join(dir, entry.name), layouts: [] });
    else if (entry.name === "page.tsx")
      found.push({ kind: "page", path: urlPath, file: path.join(dir, entry.name), layouts: here });
  }
}

interface Check {
  key: string;
  found: FoundFile;
  method: Method | "PAGE";
  handler: Handler;
}

async function discover(): Promise<Check[]> {
  const found: FoundFile[] = [];
  walk(APP_DIR, [], [], found);
  const checks: Check[] = [];
  for (const entry of found) {
    const exported = (await import(entry.file)) as Record<string, unknown>;
    if (entry.kind === "page") {
      checks.push({
        key: `PAGE ${entry.path}`,
        found: entry,
        method: "PAGE",
        handler: exported.default as Handler,
      });
      continue;
    }
    for (const method of METHODS) {
      if (typeof exported[method] === "function") {
        checks.push({
          key: `${method} ${entry.path}`,
          found: entry,
          method,
          handler: exported[method] as Handler,
        });
      }
    }
  }
  return checks;
}

/** Organizer A's world and everyone's credentials; rebuilt when a let-in write may have changed it. */
async function buildWorld() {
  await resetDatabase();
  const { organizer, owner } = await createOrganizerWithOwner("org-a");
  const manager = await addMember(organizer.id, "manager@org-a.example", "manager");
  const scanner = await addMember(organizer.id, "scanner@org-a.example", "scanner");
  await addMember(organizer.id, "leaving@org-a.example", "scanner");
  const leaving = await db.organizerMember.findFirstOrThrow({
    where: { organizerId: organizer.id, email: "leaving@org-a.example" },
    select: { id: true },
  });
  const { owner: otherOrganizer } = await createOrganizerWithOwner("org-b");
  const buyer = await createUserWithSession("buyer@example.test");
  const admin = await createUserWithSession("admin@platform.example");
  const { event, general } = await createPassesEvent(organizer.id);
  const { order, token } = await createPassesOrder(event, [{ tier: general, quantity: 1 }], {
    status: "paid",
    token: "derived",
  });
  const [ticket] = await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
  const discount = await createDiscount(
    organizer.id,
    event.id,
    { code: "MATRIX", kind: "percent", percentBps: 1000, tierIds: [] },
    { actorUserId: owner.userId },
  );
  const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
  const mail = await db.emailOutbox.create({
    data: {
      toAddress: "buyer@example.test",
      fromAddress: "tickets@stagedoor.test",
      template: "magic-link",
      subject: "Sign in",
      html: "<p>hi</p>",
      text: "hi",
      attachments: [{ filename: "a.txt", contentType: "text/plain", contentBase64: "aGk=" }],
    },
  });
  await getStorage().put("matrix/logo.png", PNG_1X1, "image/png");
  const webhook = await db.webhookEvent.create({
    data: {
      id: "evt_matrix",
      type: "checkout.session.completed",
      payload: { id: "evt_matrix", object: "event" },
      status: "failed",
      attempts: 8,
    },
  });
  const report = await db.eventReport.create({
    data: { eventId: event.id, organizerId: organizer.id, category: "spam", details: "matrix report" },
  });
  return {
    ids: {
      organizer: organizer.id,
      event: event.id,
      slug: event.slug,
      tier: general.id,
      discount: discount.id,
      device: device.id,
      order: order.id,
      ticket: ticket?.id ?? "",
      member: leaving.id,
      mail: mail.id,
      webhook: webhook.id,
      report: report.id,
    },
    roles: {
      anonymous: {},
      buyer: { cookie: buyer.cookie, token },
      owner: { cookie: owner.cookie },
      manager: { cookie: manager.cookie },
      scanner: { cookie: scanner.cookie },
      otherOrganizer: { cookie: otherOrganizer.cookie },
      device: { bearer: device.token },
      admin: { cookie: admin.cookie },
    } satisfies Record<AccessRole, { cookie?: string; token?: string; bearer?: string }>,
  };
}
type World = Awaited<ReturnType<typeof buildWorld>>;

const PNG_1X1 = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  ),
);

/** The value of each dynamic segment, by the path it appears in. */
function paramsFor(routePath: string, ids: World["ids"]): { url: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const resource = (before: string): string => {
    if (before === "events") return ids.event;
    if (before === "tiers") return ids.tier;
    if (before === "discounts") return ids.discount;
    if (before === "devices") return ids.device;
    if (before === "orders" || before === "order" || before === "pay") return ids.order;
    if (before === "tickets") return ids.ticket;
    if (before === "members") return ids.member;
    if (before === "mailbox") return ids.mail;
    if (before === "webhooks") return ids.webhook;
    if (before === "attachments") return "0";
    if (before === "e") return ids.slug;
    if (before === "organizers") return ids.organizer;
    if (before === "reports") return ids.report;
    throw new Error(`no fixture for a parameter after /${before}/ in ${routePath}`);
  };
  const segments = routePath.split("/");
  const url = segments
    .map((segment, index) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
      if (catchAll?.[1]) {
        const value = catchAll[1] === "nextauth" ? ["session"] : ["matrix", "logo.png"];
        params[catchAll[1]] = value;
        return value.join("/");
      }
      const single = /^\[(\w+)\]$/.exec(segment);
      if (!single?.[1]) return segment;
      const value = resource(segments[index - 1] ?? "");
      params[single[1]] = value;
      return value;
    })
    .join("/");
  return { url, params };
}

/**
 * Bodies that pass validation, for the routes that validate the body before finding the resource: with `{}`
 * those answer 422 to everyone, which would prove nothing about who is let in.
 */
const VALID_BODIES: Record<string, (ids: World["ids"], role: AccessRole) => unknown> = {
  "POST /api/tickets/events/[id]/devices": () => ({ name: "Door 2" }),
  "POST /api/tickets/events/[id]/discounts": () => ({ code: "MATRIX2", kind: "percent", percentBps: 1000 }),
  "PUT /api/tickets/events/[id]/tiers/order": (ids) => ({ tierIds: [ids.tier] }),
  "POST /api/tickets/orders/find": () => ({ email: "buyer@example.test" }),
  "POST /api/tickets/events/[id]/reports": () => ({ category: "spam", details: "matrix check report" }),
  "POST /api/tickets/admin/organizers/[id]/suspend": () => ({ reason: "matrix check" }),
  "POST /api/tickets/admin/events/[id]/moderate": () => ({ reason: "matrix check" }),
  "POST /api/tickets/events/[id]/appeal": () => ({ note: "matrix check" }),
  "POST /api/tickets/events/[id]/tiers": () => ({ name: "Balcony", priceMinor: 1000, capacity: 10 }),
  // A platform admin refunds with an override note (what the admin's form sends).
  "POST /api/tickets/orders/[id]/refund": (_ids, role) => ({
    reason: "matrix",
    ...(role === "admin" ? { adminOverrideNote: "matrix check" } : {}),
  }),
};

const REFUSING_REDIRECT =
  /\/tickets\/login|denied=1|\/tickets\/organizer\/new$|link_error=(not_found|forbidden|unauthorized)/;

/** `wrote`: a let-in write that succeeded, so the world is rebuilt before the next call. */
type Outcome = { letIn: boolean; wrote: boolean; detail: string };

async function callRoute(check: Check, world: World, role: AccessRole): Promise<Outcome> {
  const credentials: { cookie?: string; token?: string; bearer?: string } = world.roles[role];
  const { url, params } = paramsFor(check.found.path, world.ids);
  const query = new URLSearchParams();
  if (credentials.token) query.set("token", credentials.token);
  if (check.found.path.endsWith("/connect/refresh")) query.set("organizer", world.ids.organizer);
  // A browser's same-origin request: writes need it (lib/http/route.ts refuses cross-site writes).
  const headers = new Headers({ origin: TEST_ORIGIN });
  if (credentials.cookie) headers.set("cookie", credentials.cookie);
  if (credentials.bearer) headers.set("authorization", `Bearer ${credentials.bearer}`);
  let body: BodyInit | undefined;
  if (check.method !== "GET" && check.method !== "DELETE") {
    if (check.found.path === "/api/tickets/uploads") body = new FormData();
    else {
      headers.set("content-type", "application/json");
      body = JSON.stringify(VALID_BODIES[check.key]?.(world.ids, role) ?? {});
    }
  }
  const search = query.size > 0 ? `?${query}` : "";
  const request = new Request(new URL(`${url}${search}`, "http://localhost:3000"), {
    method: check.method,
    headers,
    body,
  });
  const response = await check.handler(request, { params: Promise.resolve(params) });
  const location = response.headers.get("location") ?? "";
  const refused =
    [401, 403, 404].includes(response.status) ||
    (response.status >= 300 && response.status < 400 && REFUSING_REDIRECT.test(location));
  expect(response.status, `${check.key} as ${role}: ${await response.clone().text()}`).toBeLessThan(500);
  return {
    letIn: !refused,
    wrote: check.method !== "GET" && response.ok,
    detail: `${response.status}${location ? ` → ${location}` : ""}`,
  };
}

async function callPage(check: Check, world: World, role: AccessRole): Promise<Outcome> {
  const credentials: { cookie?: string; token?: string; bearer?: string } = world.roles[role];
  requestCookie.value = credentials.cookie ?? "";
  const { params } = paramsFor(check.found.path, world.ids);
  const searchParams: Record<string, string> = {};
  if (credentials.token) searchParams.token = credentials.token;
  try {
    for (const layout of check.found.layouts) {
      const layoutModule = (await import(layout)) as { default: (props: unknown) => unknown };
      await layoutModule.default({ children: null, params: Promise.resolve(params) });
    }
    await check.handler(
      { params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) } as unknown as Request,
      { params: Promise.resolve(params) },
    );
    return { letIn: true, wrote: false, detail: "rendered" };
  } catch (error) {
    if (!(error instanceof NavigationThrow)) throw error;
    const refused = error.target === "404" || REFUSING_REDIRECT.test(error.target);
    return { letIn: !refused, wrote: false, detail: error.target };
  } finally {
    requestCookie.value = "";
  }
}

describe("route inventory × roles", () => {
  let checks: Check[] = [];
  beforeAll(async () => {
    vi.stubEnv("ADMIN_EMAILS", "admin@platform.example");
    vi.stubEnv("DEV_MAILBOX", "true");
    // Wallet passes exist only where the platform configured them; the matrix checks who gets one.
    stubWalletEnv();
    loadEnv();
    checks = await discover();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  it("lists every page and route handler under app/, and nothing that is not there", () => {
    const found = checks.map((c) => c.key).sort();
    expect(
      found.filter((key) => !(key in ROUTE_INVENTORY)),
      "missing from lib/http/route-inventory.ts",
    ).toEqual([]);
    expect(
      Object.keys(ROUTE_INVENTORY).filter((key) => !found.includes(key)),
      "listed but not in app/",
    ).toEqual([]);
  });

  it("answers every role exactly as listed", { timeout: 600_000 }, async () => {
    let world = await buildWorld();
    const mismatches: string[] = [];
    let calls = 0;
    let dirty = false;
    for (const check of checks) {
      const access = ROUTE_INVENTORY[check.key];
      if (!access) continue;
      // Refused roles first (a refusal writes nothing); then each let-in role, on a fresh world after a write.
      // A write answered 2xx to a role that should be refused is caught as a mismatch before anything else.
      const order = [...ACCESS_ROLES].sort(
        (a, b) => Number(access.allow.includes(a)) - Number(access.allow.includes(b)),
      );
      for (const role of order) {
        const expected = access.allow.includes(role);
        if (dirty) {
          world = await buildWorld();
          dirty = false;
        }
        const outcome =
          check.method === "PAGE" ? await callPage(check, world, role) : await callRoute(check, world, role);
        calls += 1;
        if (outcome.letIn !== expected) {
          mismatches.push(
            `${check.key} as ${role}: expected ${expected ? "let in" : "refused"}, got ${outcome.detail}`,
          );
        }
        dirty ||= outcome.wrote;
      }
    }
    expect(mismatches).toEqual([]);
    const routes = checks.filter((c) => c.method !== "PAGE").length;
    const pages = checks.length - routes;
    expect(calls).toBe(checks.length * ACCESS_ROLES.length);
    console.info(
      `route inventory: ${routes} route handlers + ${pages} pages × ${ACCESS_ROLES.length} roles = ${calls} checks`,
    );
  });
});
