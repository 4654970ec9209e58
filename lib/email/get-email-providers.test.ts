import { afterEach, describe, expect, it } from "vitest";
import { getEmailProviders } from "@/lib/email/get-email-providers";
import { restoreEnv, stubEmailEnv } from "@/lib/email/testing/stub-env";

const names = () => getEmailProviders().map((p) => p.name);
const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), STRIPE_SECRET_KEY: "sk_live_x" };

describe("getEmailProviders", () => {
  afterEach(restoreEnv);

  it("chains Resend before SMTP and leaves the dev mailbox out when a real provider exists", () => {
    stubEmailEnv({ RESEND_API_KEY: "re_x", SMTP_URL: "smtp://127.0.0.1:2525", DEV_MAILBOX: "true" });
    expect(names()).toEqual(["resend", "smtp"]);
    stubEmailEnv({ SMTP_URL: "smtp://127.0.0.1:2525", DEV_MAILBOX: "true" });
    expect(names()).toEqual(["smtp"]);
  });

  it("uses the dev mailbox only when nothing real is configured and DEV_MAILBOX is on", () => {
    stubEmailEnv({});
    expect(names()).toEqual(["dev-mailbox"]); // DEV_MAILBOX defaults to on outside production
    stubEmailEnv({ DEV_MAILBOX: "false" });
    expect(names()).toEqual([]);
  });

  it("has no provider at all in production without configuration", () => {
    stubEmailEnv(production);
    expect(names()).toEqual([]);
    stubEmailEnv({ ...production, RESEND_API_KEY: "re_x" });
    expect(names()).toEqual(["resend"]);
  });
});
