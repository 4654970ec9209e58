import { describe, expect, it } from "vitest";
import { devOriginHosts, EnvError, parseEnv } from "@/lib/env";

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
    const env = parseEnv(production);
    expect(env.DEV_MAILBOX).toBe(false);
  });
});

const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), STRIPE_SECRET_KEY: "sk_live_x" };

describe("APP_URL in production", () => {
  it("must be https (Secure cookies, HSTS), except on this machine", () => {
    expect(() => parseEnv({ ...production, APP_URL: "http://tickets.example.com" })).toThrow(
      /APP_URL: must be https in production/,
    );
    expect(parseEnv({ ...production, APP_URL: "https://tickets.example.com" }).APP_URL).toBe(
      "https://tickets.example.com",
    );
    for (const local of ["http://localhost:3000", "http://127.0.0.1:3300", "http://[::1]:3000"]) {
      expect(parseEnv({ ...production, APP_URL: local }).APP_URL).toBe(local);
    }
    expect(parseEnv({ APP_URL: "http://tickets.example.com" }).APP_URL).toBe("http://tickets.example.com");
  });
});

describe("Stripe test mode", () => {
  const keyless = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) };

  it("refuses production without Stripe keys unless STRIPE_TEST_MODE=true says so", () => {
    expect(() => parseEnv(keyless)).toThrow(
      /STRIPE_SECRET_KEY: is required in production: .*or STRIPE_TEST_MODE=true to run simulated payments/,
    );
    const chosen = parseEnv({ ...keyless, STRIPE_TEST_MODE: "true" });
    expect(chosen.STRIPE_TEST_MODE).toBe(true);
    expect(chosen.STRIPE_SECRET_KEY).toBeUndefined();
    expect(parseEnv(production).STRIPE_TEST_MODE).toBe(false);
  });

  it("refuses STRIPE_TEST_MODE=true together with a secret key, everywhere", () => {
    expect(() => parseEnv({ ...production, STRIPE_TEST_MODE: "true" })).toThrow(
      /STRIPE_TEST_MODE: cannot be combined with STRIPE_SECRET_KEY/,
    );
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_TEST_MODE: "1" })).toThrow(
      /STRIPE_TEST_MODE/,
    );
  });

  it("runs without keys outside production (the demo and the tests)", () => {
    expect(parseEnv({}).STRIPE_TEST_MODE).toBe(false);
    expect(parseEnv({ NODE_ENV: "test" }).STRIPE_SECRET_KEY).toBeUndefined();
  });

  it("does not ask for runtime secrets while `next build` collects pages", () => {
    expect(parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).DEV_MAILBOX).toBe(
      false,
    );
  });

  it("keeps the dev mailbox (every sign-in link) off in production unless test mode was chosen", () => {
    expect(() => parseEnv({ ...production, DEV_MAILBOX: "true" })).toThrow(
      /DEV_MAILBOX: shows every email, sign-in links included: in production it can only be on with STRIPE_TEST_MODE=true/,
    );
    expect(parseEnv({ ...keyless, STRIPE_TEST_MODE: "true" }).DEV_MAILBOX).toBe(true);
    expect(parseEnv({ ...keyless, STRIPE_TEST_MODE: "true", DEV_MAILBOX: "false" }).DEV_MAILBOX).toBe(false);
    expect(parseEnv({ ...keyless, STRIPE_TEST_MODE: "true", DEV_MAILBOX: "true" }).DEV_MAILBOX).toBe(true);
    expect(parseEnv({ STRIPE_SECRET_KEY: "sk_test_x" }).DEV_MAILBOX).toBe(true);
  });
});

describe("next dev's allowed origins", () => {
  it("allow the loopback address and APP_URL's host, so the app hydrates where it was opened", () => {
    expect(devOriginHosts({})).toEqual(["127.0.0.1"]);
    expect(devOriginHosts({ APP_URL: "http://localhost:3000" })).toEqual(["127.0.0.1"]);
    expect(devOriginHosts({ APP_URL: "https://tickets.example.org:8443/base" })).toEqual([
      "127.0.0.1",
      "tickets.example.org",
    ]);
    expect(devOriginHosts({ APP_URL: "not a url" })).toEqual(["127.0.0.1"]);
  });
});
