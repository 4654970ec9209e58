// The email transports' stand-ins for a test file: a real SMTP server and the fake Resend API, started before
// its first test and closed after its last.
import { afterAll, beforeAll } from "vitest";
import { startFakeResend, type FakeResend } from "@/lib/email/testing/fake-resend";
import { startTestSmtpServer, type TestSmtpServer } from "@/lib/email/testing/smtp-server";

export interface EmailStandIns {
  readonly smtp: TestSmtpServer;
  readonly resend: FakeResend;
  /** Forgets what both received; Resend answers 200 `{ id: resendMessageId }` from now on. */
  reset(resendMessageId: string): void;
}

/** Registers the hooks that run the stand-ins; read `smtp` and `resend` in tests and beforeEach hooks. */
export function withEmailStandIns(): EmailStandIns {
  let smtp: TestSmtpServer | undefined;
  let resend: FakeResend | undefined;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    resend = await startFakeResend();
  });
  afterAll(async () => {
    await smtp?.close();
    await resend?.close();
  });
  const started = () => {
    if (!smtp || !resend) throw new Error("the email stand-ins have not started yet");
    return { smtp, resend };
  };
  return {
    get smtp() {
      return started().smtp;
    },
    get resend() {
      return started().resend;
    },
    reset(resendMessageId) {
      const { smtp, resend } = started();
      smtp.received.length = 0;
      resend.requests.length = 0;
      resend.respondWith(200, { id: resendMessageId });
    },
  };
}
