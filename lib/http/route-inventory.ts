// Every page and route handler with the roles it lets in, checked by lib/http/route-inventory.test.ts: the
// test finds every app/**/page.tsx and app/**/route.ts (per exported method), fails on one missing here, and
// calls each for every role against organizer A's data, asserting "let in" or "refused" exactly as listed.

/**
 * Who is asking, relative to organizer A's event, order and ticket:
 * - anonymous: no session, no link, no device token;
 * - buyer: signed in without any organizer, holding the order's link (`?token=`);
 * - owner / manager / scanner: members of organizer A;
 * - otherOrganizer: the owner of organizer B (acts for B: lists and creates are B's own, A's ids are 404);
 * - device: a scanner device of A's event (`Authorization: Bearer`), no session;
 * - admin: a platform admin (ADMIN_EMAILS) who is not a member of A.
 */
export const ACCESS_ROLES = [
  "anonymous",
  "buyer",
  "owner",
  "manager",
  "scanner",
  "otherOrganizer",
  "device",
  "admin",
] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export interface RouteAccess {
  /** The roles let in; everyone else is refused (401, 403, 404, or a redirect to login / "denied"). */
  allow: readonly AccessRole[];
  /** Why, when the answer is not plain role-based. */
  note?: string;
}

const EVERYONE = ACCESS_ROLES;
const SIGNED_IN = ["buyer", "owner", "manager", "scanner", "otherOrganizer", "admin"] as const;
/** A's owners and managers (ROLES.manage) on A's resources. */
const MANAGE = ["owner", "manager"] as const;
/** ROLES.manage on the caller's own organizer: B's owner is let in, to B's data. */
const MANAGE_OWN = ["owner", "manager", "otherOrganizer"] as const;
const OWNER_OWN = ["owner", "otherOrganizer"] as const;
const ORDER_VIEWERS = ["buyer", "owner", "manager"] as const;

/** Keys: "<METHOD> <path>" for route handlers, "PAGE <path>" for pages; paths as in app/ without (groups). */
export const ROUTE_INVENTORY: Record<string, RouteAccess> = {
  // Platform admin
  "GET /api/tickets/admin/settings/platform-fee": { allow: ["admin"] },
  "PUT /api/tickets/admin/settings/platform-fee": { allow: ["admin"] },
  "GET /api/tickets/admin/fraud-signals": { allow: ["admin"] },
  "POST /api/tickets/admin/reminders": { allow: ["admin"], note: "sends only reminders not sent before" },
  "GET /api/tickets/admin/webhooks": { allow: ["admin"] },
  "GET /api/tickets/admin/webhooks/[id]": { allow: ["admin"] },
  "POST /api/tickets/admin/webhooks/[id]/replay": { allow: ["admin"] },
  "POST /api/tickets/admin/webhooks/test-dead-letter": { allow: ["admin"], note: "Stripe test mode only" },
  "POST /api/tickets/admin/tiers/[id]/capacity": { allow: ["admin"], note: "a note is required" },
  "POST /api/tickets/admin/events/[id]/comps": { allow: ["admin"], note: "a note is required" },
  "GET /api/tickets/admin/orders/[id]": { allow: ["admin"] },
  "POST /api/tickets/admin/orders/[id]/refund": { allow: ["admin"], note: "an override note is required" },
  "POST /api/tickets/admin/self-test": {
    allow: ["admin"],
    note: "built-in test mode only; one run at a time",
  },
  "GET /api/tickets/admin/organizers": { allow: ["admin"] },
  "POST /api/tickets/admin/organizers/[id]/suspend": { allow: ["admin"] },
  "POST /api/tickets/admin/organizers/[id]/resume": { allow: ["admin"] },
  "GET /api/tickets/admin/events": { allow: ["admin"] },
  "POST /api/tickets/admin/events/[id]/moderate": { allow: ["admin"] },
  "POST /api/tickets/admin/events/[id]/appeal-decision": { allow: ["admin"] },
  "GET /api/tickets/admin/reports": { allow: ["admin"] },
  "POST /api/tickets/admin/reports/[id]/dismiss": { allow: ["admin"] },

  // Sign-in (Auth.js and our rate-limited magic-link request)
  "GET /api/tickets/auth/[...nextauth]": { allow: EVERYONE },
  "POST /api/tickets/auth/[...nextauth]": { allow: EVERYONE },
  "POST /api/tickets/auth/magic-link": { allow: EVERYONE },

  // Check-in: the device token is the credential; provisioning takes the one-time scanner link in the body
  "POST /api/tickets/checkin/provision": {
    allow: EVERYONE,
    note: "the single-use scanner link in the body is the credential",
  },
  "GET /api/tickets/checkin/sync": { allow: ["device"] },
  "POST /api/tickets/checkin/sync": { allow: ["device"] },
  "POST /api/tickets/tickets/validate": { allow: ["device"] },

  // Buying
  "POST /api/tickets/checkout/session": { allow: EVERYONE },
  "GET /api/tickets/checkout/quote": {
    allow: EVERYONE,
    note: "rate-limited per IP; refused codes are a fraud signal",
  },
  "GET /api/tickets/events/public": { allow: EVERYONE },
  "GET /api/tickets/health": { allow: EVERYONE },
  "GET /api/tickets/uploads/[...key]": { allow: EVERYONE, note: "public images (logos, covers)" },

  // Development and test mode only (404 in production: proxy.ts and the handlers)
  "GET /api/tickets/dev/mailbox": { allow: EVERYONE, note: "development mailbox only" },
  "GET /api/tickets/dev/mailbox/[id]/attachments/[index]": {
    allow: EVERYONE,
    note: "development mailbox only",
  },
  "POST /api/tickets/dev/pay/[orderId]": {
    allow: EVERYONE,
    note: "Stripe test mode only; the order's token in the body is the credential",
  },

  // Stripe webhooks: the signature over the raw body is the credential (400 without it, for everyone)
  "POST /api/tickets/webhooks/stripe": { allow: EVERYONE, note: "signature-verified" },
  "POST /api/tickets/webhooks/stripe-connect": { allow: EVERYONE, note: "signature-verified" },

  // The buyer's order (the link) and its owners/managers
  "GET /api/tickets/orders/[id]": { allow: ORDER_VIEWERS },
  "GET /api/tickets/orders/[id]/calendar.ics": { allow: ORDER_VIEWERS },
  "GET /api/tickets/orders/[id]/tickets.pdf": { allow: ORDER_VIEWERS, note: "team downloads are audited" },
  "GET /api/tickets/orders/[id]/tickets/[ticketId]/apple-wallet": {
    allow: ORDER_VIEWERS,
    note: "404 to everyone when no pass certificate is configured (the matrix configures one)",
  },
  "GET /api/tickets/orders/[id]/tickets/[ticketId]/google-wallet": {
    allow: ORDER_VIEWERS,
    note: "404 to everyone when no service account is configured (the matrix configures one)",
  },
  "POST /api/tickets/orders/[id]/access-link": { allow: ORDER_VIEWERS },
  "POST /api/tickets/orders/[id]/resend": { allow: ORDER_VIEWERS, note: "rate-limited per order" },
  "POST /api/tickets/orders/[id]/tickets/[ticketId]/transfer": {
    allow: ["buyer"],
    note: "the order's link, or the link a transfer gave for that one ticket; rate-limited per IP and order",
  },
  "PATCH /api/tickets/orders/[id]/tickets/[ticketId]": {
    allow: ["buyer"],
    note: "the holder name: the order's link, or the link a transfer gave for that one ticket",
  },
  "POST /api/tickets/orders/find": {
    allow: EVERYONE,
    note: "find my tickets: the same answer for any address, links emailed; rate-limited per IP and address",
  },
  "GET /api/tickets/tickets/[id]/qrcode": { allow: ORDER_VIEWERS, note: "team fetches are audited" },
  "GET /api/tickets/orders/[id]/refund": { allow: MANAGE },
  "POST /api/tickets/orders/[id]/refund": {
    allow: [...MANAGE, "admin"],
    note: "admins with an override note",
  },
  "GET /api/tickets/orders": { allow: MANAGE_OWN },
  "GET /api/tickets/dashboard": { allow: MANAGE_OWN },
  "GET /api/tickets/orders/[id]/timeline": { allow: MANAGE },

  // Events, tiers, discounts, devices (organizer A's)
  "GET /api/tickets/events": { allow: MANAGE_OWN },
  "POST /api/tickets/events": { allow: MANAGE_OWN },
  "GET /api/tickets/events/[id]": { allow: MANAGE },
  "PATCH /api/tickets/events/[id]": { allow: MANAGE },
  "POST /api/tickets/events/[id]/publish": { allow: MANAGE },
  "POST /api/tickets/events/[id]/unpublish": { allow: MANAGE },
  "POST /api/tickets/events/[id]/archive": { allow: MANAGE },
  "POST /api/tickets/events/[id]/appeal": {
    allow: MANAGE,
    note: "only while a platform admin has it unpublished",
  },
  "POST /api/tickets/events/[id]/reports": {
    allow: EVERYONE,
    note: "report this event: public, rate-limited per IP and per event",
  },
  "GET /api/tickets/events/[id]/cancel": { allow: MANAGE },
  "POST /api/tickets/events/[id]/cancel": { allow: MANAGE },
  "POST /api/tickets/events/[id]/cancel/retry": { allow: MANAGE },
  "GET /api/tickets/events/[id]/checkins": { allow: ["owner", "manager", "scanner"] },
  "GET /api/tickets/events/[id]/devices": { allow: MANAGE },
  "POST /api/tickets/events/[id]/devices": { allow: MANAGE },
  "GET /api/tickets/events/[id]/discounts": { allow: MANAGE },
  "GET /api/tickets/events/[id]/export.csv": { allow: MANAGE, note: "let in: 422 naming kind (none sent)" },
  "GET /api/tickets/events/[id]/metrics": { allow: MANAGE },
  "GET /api/tickets/events/[id]/summary": { allow: MANAGE },
  "POST /api/tickets/events/[id]/discounts": { allow: MANAGE },
  "GET /api/tickets/events/[id]/tiers": { allow: MANAGE },
  "POST /api/tickets/events/[id]/tiers": { allow: MANAGE },
  "PUT /api/tickets/events/[id]/tiers/order": { allow: MANAGE },
  "PATCH /api/tickets/tiers/[id]": { allow: MANAGE },
  "DELETE /api/tickets/tiers/[id]": { allow: MANAGE },
  "PATCH /api/tickets/discounts/[id]": { allow: MANAGE },
  "DELETE /api/tickets/devices/[id]": { allow: MANAGE },
  "POST /api/tickets/uploads": { allow: MANAGE_OWN },

  // Organizers and their teams
  "POST /api/tickets/organizers": { allow: SIGNED_IN, note: "any signed-in user may create an organizer" },
  "PATCH /api/tickets/organizers/me": { allow: OWNER_OWN },
  "GET /api/tickets/organizers/me": {
    allow: ["owner", "manager", "scanner", "otherOrganizer"],
    note: "a scanner gets the name and role only",
  },
  "GET /api/tickets/organizers/members": { allow: MANAGE_OWN },
  "POST /api/tickets/organizers/members": { allow: OWNER_OWN },
  "DELETE /api/tickets/organizers/members/[id]": { allow: ["owner"] },
  "POST /api/tickets/organizers/connect": { allow: OWNER_OWN },
  "POST /api/tickets/organizers/connect/sync": { allow: OWNER_OWN },
  "POST /api/tickets/organizers/connect/test-onboarding": { allow: OWNER_OWN, note: "Stripe test mode only" },
  "GET /api/tickets/organizers/connect/refresh": {
    allow: ["owner"],
    note: "a browser navigation: refusals redirect to login or to Payments with link_error",
  },

  // Pages
  "PAGE /": { allow: EVERYONE },
  "PAGE /tickets/events": { allow: EVERYONE },
  "PAGE /tickets/e/[slug]": { allow: EVERYONE },
  "GET /tickets/e/[slug]/share-card": { allow: EVERYONE, note: "the event's og:image when it has no cover" },
  "PAGE /tickets/order/[orderId]": { allow: ["buyer"], note: "the link only: team members use the portal" },
  "PAGE /tickets/order/[orderId]/tickets/[ticketId]": {
    allow: ["buyer"],
    note: "one ticket: the order's link, or a transfer recipient's link (theirs only)",
  },
  "PAGE /tickets/find": { allow: EVERYONE },
  "PAGE /tickets/login": { allow: EVERYONE },
  "PAGE /tickets/login/check-email": { allow: EVERYONE },
  "PAGE /tickets/login/error": { allow: EVERYONE },
  "PAGE /tickets/account": { allow: SIGNED_IN },
  "PAGE /tickets/checkin": {
    allow: EVERYONE,
    note: "the scanner app's shell; its data needs a device token",
  },
  "PAGE /tickets/dev/mailbox": { allow: EVERYONE, note: "development mailbox only" },
  "PAGE /tickets/dev/mailbox/[id]": { allow: EVERYONE, note: "development mailbox only" },
  "PAGE /tickets/dev/pay/[orderId]": { allow: ["buyer"], note: "Stripe test mode only; the order's link" },
  "PAGE /tickets/dev/stripe/onboard": { allow: OWNER_OWN, note: "Stripe test mode only" },
  "PAGE /tickets/organizer/new": { allow: SIGNED_IN },
  "PAGE /tickets/organizer": {
    allow: ["owner", "manager", "scanner", "otherOrganizer"],
    note: "a scanner sees the events to check in only",
  },
  "PAGE /tickets/organizer/events": { allow: MANAGE_OWN },
  "PAGE /tickets/organizer/events/new": { allow: MANAGE_OWN },
  "PAGE /tickets/organizer/events/[id]": { allow: MANAGE },
  "PAGE /tickets/organizer/events/[id]/checkin": { allow: ["owner", "manager", "scanner"] },
  "PAGE /tickets/organizer/orders": { allow: MANAGE_OWN },
  "PAGE /tickets/organizer/orders/[id]": { allow: MANAGE },
  "PAGE /tickets/organizer/payments": { allow: MANAGE_OWN },
  "PAGE /tickets/organizer/team": { allow: MANAGE_OWN },
  "PAGE /tickets/admin/webhooks": { allow: ["admin"] },
  "PAGE /tickets/admin/webhooks/[id]": { allow: ["admin"] },
  "PAGE /tickets/admin/events/[id]": { allow: ["admin"] },
  "PAGE /tickets/admin/orders/[id]": { allow: ["admin"] },
  "PAGE /tickets/admin/self-test": { allow: ["admin"] },
  // Platform admin pages: anyone else, signed in or not, gets the 404 page
  "PAGE /tickets/admin": { allow: ["admin"] },
  "PAGE /tickets/admin/organizers": { allow: ["admin"] },
  "PAGE /tickets/admin/events": { allow: ["admin"] },
  "PAGE /tickets/admin/reports": { allow: ["admin"] },
  "PAGE /tickets/admin/audit": { allow: ["admin"] },
};
