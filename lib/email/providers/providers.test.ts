// The real transports against local stand-ins: a real SMTP server (smtp-server) and an HTTP endpoint that
// answers like Resend's API.
import { beforeEach, describe, expect, it } from "vitest";
import { createResendProvider } from "@/lib/email/providers/resend";
import { createSmtpProvider } from "@/lib/email/providers/smtp";
import { sendWithChain } from "@/lib/email/send-with-chain";
import { unwrapped } from "@/lib/email/testing/smtp-server";
import type { EmailMessage } from "@/lib/email/types";
import { withEmailStandIns } from "@/lib/testing/email-stand-ins";

// A 1×1 transparent PNG.
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

const message: EmailMessage = {
  id: "outbox_42",
  from: "Stagedoor <tickets@stagedoor.test>",
  to: "ana@example.com",
  subject: "Your tickets for Night Shift",
  html: `<p>Show this at the door</p><img src="cid:qr-1@stagedoor" alt="QR">`,
  text: "Show this at the door",
  attachments: [
    { filename: "qr-1.png", contentType: "image/png", contentBase64: PNG, cid: "qr-1@stagedoor" },
    {
      filename: "notes.txt",
      contentType: "text/plain",
      contentBase64: Buffer.from("bring ID").toString("base64"),
    },
  ],
};

const signal = () => new AbortController().signal;

const standIns = withEmailStandIns();
beforeEach(() => {
  standIns.reset("re_msg_1");
});

describe("SMTP provider", () => {
  it("delivers to the recipient with the subject, both bodies and an inline cid image", async () => {
    const provider = createSmtpProvider({ url: standIns.smtp.url, timeoutMs: 5000 });
    const { messageId } = await provider.send(message, { signal: signal() });
    expect(messageId).toMatch(/^<.+>$/);
    expect(standIns.smtp.received).toHaveLength(1);
    const mail = standIns.smtp.received[0]!;
    expect(mail.to).toEqual(["ana@example.com"]);
    expect(mail.from).toBe("tickets@stagedoor.test");
    expect(mail.raw).toMatch(/^Subject: Your tickets for Night Shift\r?$/m);
    expect(mail.raw).toMatch(/^To: ana@example.com\r?$/m);
    expect(mail.raw).toMatch(/Content-Type: multipart\/related/);
    // The image is an inline part carrying the Content-ID the HTML refers to.
    expect(mail.raw).toMatch(/^Content-ID: <qr-1@stagedoor>\r?$/m);
    const imagePart =
      mail.raw.split(/^--/m).find((part) => part.includes("Content-ID: <qr-1@stagedoor>")) ?? "";
    expect(imagePart).toMatch(/Content-Type: image\/png/);
    expect(imagePart).toMatch(/Content-Disposition: inline/);
    expect(unwrapped(imagePart)).toContain(PNG);
    // The other file is a regular attachment.
    expect(mail.raw).toMatch(/Content-Disposition: attachment; filename=notes\.txt/);
    expect(mail.raw).toContain("cid:qr-1@stagedoor");
  });
});

describe("Resend provider", () => {
  it("posts the message to /emails with the key, an idempotency key and inline attachments", async () => {
    const provider = createResendProvider({ apiKey: "re_test_key", baseUrl: standIns.resend.url });
    const result = await provider.send(message, { signal: signal() });
    expect(result).toEqual({ messageId: "re_msg_1" });
    expect(standIns.resend.requests).toHaveLength(1);
    const request = standIns.resend.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/emails");
    expect(request.headers.authorization).toBe("Bearer re_test_key");
    expect(request.headers["idempotency-key"]).toBe("stagedoor-email/outbox_42");
    expect(request.body).toMatchObject({
      from: message.from,
      to: "ana@example.com",
      subject: message.subject,
      html: message.html,
      text: message.text,
      attachments: [
        { filename: "qr-1.png", content: PNG, content_type: "image/png", content_id: "qr-1@stagedoor" },
        { filename: "notes.txt", content: message.attachments[1]!.contentBase64, content_type: "text/plain" },
      ],
    });
    const body = request.body as { attachments: Record<string, unknown>[] };
    expect(body.attachments[1]).not.toHaveProperty("content_id");
  });

  it("turns an API error into a thrown error naming the status", async () => {
    standIns.resend.respondWith(422, {
      statusCode: 422,
      name: "validation_error",
      message: "Invalid `to` field.",
    });
    const provider = createResendProvider({ apiKey: "re_test_key", baseUrl: standIns.resend.url });
    await expect(provider.send(message, { signal: signal() })).rejects.toThrow(
      "validation_error: Invalid `to` field. (HTTP 422)",
    );
  });

  it("falls back to SMTP when Resend answers 500", async () => {
    standIns.resend.respondWith(500, {
      statusCode: 500,
      name: "internal_server_error",
      message: "Resend is having a bad day",
    });
    const result = await sendWithChain(
      message,
      [
        createResendProvider({ apiKey: "re_test_key", baseUrl: standIns.resend.url }),
        createSmtpProvider({ url: standIns.smtp.url, timeoutMs: 5000 }),
      ],
      { timeoutMs: 5000 },
    );
    expect(standIns.resend.requests).toHaveLength(1);
    expect(result.provider).toBe("smtp");
    expect(result.failures).toEqual([
      { provider: "resend", error: "internal_server_error: Resend is having a bad day (HTTP 500)" },
    ]);
    expect(standIns.smtp.received).toHaveLength(1);
    expect(standIns.smtp.received[0]!.to).toEqual(["ana@example.com"]);
  });
});
