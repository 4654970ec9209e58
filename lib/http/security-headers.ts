// The response headers every page and API answer carries (set by proxy.ts): a Content-Security-Policy with a
// fresh nonce per page request (Next.js reads it from the request's CSP header and puts it on its own
// scripts), HSTS in production, no framing, a Referrer-Policy and a Permissions-Policy that lets only the
// door scanner use the camera. Pure: no framework, no env (the caller passes what it needs).

export interface SecurityHeaderContext {
  pathname: string;
  /** NODE_ENV=production: HSTS, and upgrade-insecure-requests when the app is served over https. */
  production: boolean;
  /** `next dev`: React needs 'unsafe-eval' for its error overlays. */
  development: boolean;
  /** APP_URL: its scheme decides upgrade-insecure-requests. */
  appUrl: string;
  /** Origins images may also come from (the S3 public URL when uploads live there). */
  imageOrigins?: readonly string[];
}

/** Where the scanner runs: the only pages given the camera. */
const CAMERA_PATH = /^\/tickets\/checkin(\/|$)/;
/** Pages whose URL carries an order's access token: never sent on as a Referer. */
const TOKEN_PAGE_PATH = /^\/tickets\/(order|dev\/pay)\//;

/** 128 random bits, base64: unguessable, and fresh for every page request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Who may frame a page: nobody. The hook for the embeddable widget (a later issue): return the embedding
 * origins for its path here, and frame-ancestors / X-Frame-Options follow.
 */
export function framingAllowedFor(pathname: string): readonly string[] {
  void pathname;
  return [];
}

export function contentSecurityPolicy(context: SecurityHeaderContext, nonce: string): string {
  const framers = framingAllowedFor(context.pathname);
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts loaded by the nonce'd Next.js runtime (its chunks) run; no inline script does.
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(context.development ? ["'unsafe-eval'"] : []),
    ],
    // React writes style attributes (style={{…}}): styles, not scripts, may be inline.
    ["style-src", "'self'", "'unsafe-inline'"],
    // QR codes and uploads are same-origin; the scanner draws camera frames through blob: / data: URLs.
    ["img-src", "'self'", "blob:", "data:", ...(context.imageOrigins ?? [])],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["media-src", "'self'", "blob:"],
    // The scanner's service worker (workbox, precache and IndexedDB need nothing more).
    ["worker-src", "'self'", "blob:"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    // Same-origin frames only (the dev mailbox previews emails in a sandboxed srcdoc frame).
    ["frame-src", "'self'"],
    ["frame-ancestors", ...(framers.length > 0 ? framers : ["'none'"])],
  ];
  if (context.production && context.appUrl.startsWith("https:"))
    directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

export function permissionsPolicy(pathname: string): string {
  const camera = CAMERA_PATH.test(pathname) ? "(self)" : "()";
  return [`camera=${camera}`, "microphone=()", "geolocation=()", "payment=()", "usb=()"].join(", ");
}

/**
 * API answers: HSTS in production and no framing. Their content type, caching, Referrer-Policy and (for
 * images) CSP are the route handlers' own (lib/http/route.ts, the QR and upload routes).
 */
export function apiSecurityHeaders(context: SecurityHeaderContext): Record<string, string> {
  const headers: Record<string, string> = { "x-frame-options": "DENY" };
  if (context.production) headers["strict-transport-security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

/** Pages: the CSP with this request's nonce, and the rest (see the file comment). */
export function pageSecurityHeaders(context: SecurityHeaderContext, nonce: string): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy(context, nonce),
    "referrer-policy": TOKEN_PAGE_PATH.test(context.pathname)
      ? "no-referrer"
      : "strict-origin-when-cross-origin",
    "permissions-policy": permissionsPolicy(context.pathname),
    "x-content-type-options": "nosniff",
  };
  if (framingAllowedFor(context.pathname).length === 0) headers["x-frame-options"] = "DENY";
  if (context.production) headers["strict-transport-security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
