// Whether an error means "the database cannot be reached right now" (restarting, failing over, out of
// connections) rather than a bug: such requests answer 503 with Retry-After, never 500. Prisma wraps the
// driver's error (meta.driverAdapterError → cause with the adapter's `kind`, or a PostgreSQL SQLSTATE);
// node-postgres itself throws plain Errors when a pooled connection died under it.

/** SQLSTATEs of a server shutting down, starting up or refusing connections, and lost connections. */
const UNAVAILABLE_SQLSTATES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08006",
]);
/** @prisma/driver-adapter-utils error kinds for the same. */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
/** Prisma's own codes: can't reach / timed out / connection closed / pool timeout. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND"]);
const PG_CLIENT_MESSAGES = [
  "Connection terminated",
  "Client has encountered a connection error",
  "Client was closed and is not queryable",
  "timeout exceeded when trying to connect",
];

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const code = field(current, "code");
    const kind = field(current, "kind");
    const message = field(current, "message");
    if (typeof code === "string") {
      if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_PRISMA_CODES.has(code) || SOCKET_CODES.has(code)) {
        return true;
      }
    }
    if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return true;
    if (typeof message === "string" && PG_CLIENT_MESSAGES.some((m) => message.startsWith(m))) return true;
    queue.push(field(current, "cause"), field(current, "meta"), field(current, "driverAdapterError"));
    const originalCode = field(current, "originalCode");
    if (typeof originalCode === "string" && UNAVAILABLE_SQLSTATES.has(originalCode)) return true;
  }
  return false;
}
