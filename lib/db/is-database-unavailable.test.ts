import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises a server shutting down, as Prisma wraps it", () => {
    const wrapped = Object.assign(new Error("Invalid `db.event.findFirst()` invocation"), {
      code: "P2010",
      meta: {
        driverAdapterError: Object.assign(new Error("terminating connection"), {
          cause: { kind: "postgres", code: "57P01", originalCode: "57P01" },
        }),
      },
    });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it("recognises refused connections, closed sockets and node-postgres's dead-client errors", () => {
    expect(isDatabaseUnavailable({ cause: { kind: "DatabaseNotReachable" } })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable")),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
  });

  it("leaves real bugs alone: constraint violations, syntax errors, plain errors", () => {
    expect(isDatabaseUnavailable({ code: "P2002", meta: { target: ["slug"] } })).toBe(false);
    expect(isDatabaseUnavailable({ cause: { kind: "postgres", code: "42601" } })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
