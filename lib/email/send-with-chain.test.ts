import { describe, expect, it } from "vitest";
import { EmailDeliveryError, sendWithChain } from "@/lib/email/send-with-chain";
import type { EmailMessage, EmailProvider } from "@/lib/email/types";

const message: EmailMessage = {
  id: "outbox_1",
  from: "Stagedoor <tickets@stagedoor.test>",
  to: "ana@example.com",
  subject: "Hello",
  html: "<p>Hello</p>",
  text: "Hello",
  attachments: [],
};

function fake(name: string, behaviour: "ok" | "fail" | "hang") {
  const calls: { signal: AbortSignal }[] = [];
  const provider: EmailProvider = {
    name,
    send(_message, options) {
      calls.push(options);
      if (behaviour === "ok") return Promise.resolve({ messageId: `${name}-id` });
      if (behaviour === "fail") return Promise.reject(new Error(`${name} is down`));
      return new Promise(() => undefined); // never settles
    },
  };
  return { provider, calls };
}

describe("sendWithChain", () => {
  it("uses the first provider that works and does not call the rest", async () => {
    const a = fake("a", "ok");
    const b = fake("b", "ok");
    const result = await sendWithChain(message, [a.provider, b.provider], { timeoutMs: 1000 });
    expect(result).toEqual({ provider: "a", messageId: "a-id", failures: [] });
    expect(b.calls).toHaveLength(0);
  });

  it("falls back to the next provider when one fails", async () => {
    const a = fake("a", "fail");
    const b = fake("b", "ok");
    const result = await sendWithChain(message, [a.provider, b.provider], { timeoutMs: 1000 });
    expect(result.provider).toBe("b");
    expect(result.failures).toEqual([{ provider: "a", error: "a is down" }]);
    expect(a.calls).toHaveLength(1);
  });

  it("cuts off a provider that never answers, aborts its signal and tries the next", async () => {
    const a = fake("a", "hang");
    const b = fake("b", "ok");
    const started = Date.now();
    const result = await sendWithChain(message, [a.provider, b.provider], { timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.provider).toBe("b");
    expect(result.failures).toEqual([{ provider: "a", error: "timed out after 50 ms" }]);
    expect(a.calls[0]?.signal.aborted).toBe(true);
    expect(b.calls[0]?.signal.aborted).toBe(false);
  });

  it("when every provider fails, the error names each one and why", async () => {
    const attempt = sendWithChain(message, [fake("resend", "fail").provider, fake("smtp", "hang").provider], {
      timeoutMs: 30,
    });
    await expect(attempt).rejects.toBeInstanceOf(EmailDeliveryError);
    await expect(attempt).rejects.toThrow(
      "Every email provider failed: resend: resend is down; smtp: timed out after 30 ms",
    );
    await expect(attempt).rejects.toMatchObject({
      failures: [
        { provider: "resend", error: "resend is down" },
        { provider: "smtp", error: "timed out after 30 ms" },
      ],
    });
  });

  it("fails clearly when no provider is configured", async () => {
    await expect(sendWithChain(message, [])).rejects.toThrow(/No email provider is configured/);
  });
});
