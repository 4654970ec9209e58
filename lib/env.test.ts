import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("environment", () => {
  it("applies defaults for a bare development environment", () => {
    const env = parseEnv({});
    expect(env.ENABLE_TICKETING).toBe(true);
    expect(env.TICKETING_CHECKOUT).toBe(true);
    expect(env.DEV_MAILBOX).toBe(true);
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.ADMIN_EMAILS).toEqual([]);
  });

  it("parses flags and lists", () => {
    const env = parseEnv({
      ENABLE_TICKETING: "false",
      TICKETING_REFUNDS: "0",
      ADMIN_EMAILS: " A@x.org, b@y.org ",
    });
    expect(env.ENABLE_TICKETING).toBe(false);
    expect(env.TICKETING_REFUNDS).toBe(false);
    expect(env.ADMIN_EMAILS).toEqual(["a@x.org", "b@y.org"]);
  });

  it("names every bad variable", () => {
    let message = "";
    try {
      parseEnv({
        DATABASE_URL: "mysql://x",
        ENABLE_TICKETING: "maybe",
        SMTP_URL: "http://mail",
        ADMIN_EMAILS: "nope",
      });
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      message = (error as Error).message;
    }
    for (const name of ["DATABASE_URL", "ENABLE_TICKETING", "SMTP_URL", "ADMIN_EMAILS"])
      expect(message).toContain(name);
  });

  it("requires a strong AUTH_SECRET in production and turns the dev mailbox off there", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: is required in production/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    const env = parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) });
    expect(env.DEV_MAILBOX).toBe(false);
  });
});
