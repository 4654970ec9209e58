import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as listMessages } from "@/app/api/tickets/dev/mailbox/route";
import { GET as getAttachment } from "@/app/api/tickets/dev/mailbox/[id]/attachments/[index]/route";
import { queueEmail } from "@/lib/email/queue-email";
import { restoreEnv, stubEmailEnv } from "@/lib/email/testing/stub-env";
import { resetDatabase } from "@/lib/testing/db";

const base = "http://localhost:3000/api/tickets/dev/mailbox";
const noParams = { params: Promise.resolve({}) };
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);

async function queue(to: string, token: string) {
  return queueEmail({
    to,
    template: "magic-link",
    props: { url: `https://tickets.example.com/login?token=${token}`, expiresInMinutes: 15 },
    attachments: [
      { filename: "qr.png", contentType: "image/png", contentBase64: png.toString("base64"), cid: "qr@sd" },
    ],
  });
}

describe("dev mailbox API", () => {
  beforeEach(async () => {
    await resetDatabase();
  });
  afterEach(restoreEnv);

  it("lists messages newest first with their text, filtered by recipient", async () => {
    stubEmailEnv({ DEV_MAILBOX: "true" });
    const first = await queue("ana@example.com", "one");
    await queue("bob@example.com", "two");
    const third = await queue("ana@example.com", "three");

    const all = await listMessages(new Request(base), noParams);
    expect(all.status).toBe(200);
    const allBody = (await all.json()) as { messages: { id: string; to: string }[] };
    expect(allBody.messages.map((m) => m.to)).toEqual([
      "ana@example.com",
      "bob@example.com",
      "ana@example.com",
    ]);

    const res = await listMessages(new Request(`${base}?to=ANA@example.com`), noParams);
    const body = (await res.json()) as {
      messages: {
        id: string;
        to: string;
        subject: string;
        template: string;
        status: string;
        text: string;
        html: string;
        createdAt: string;
      }[];
    };
    expect(body.messages.map((m) => m.id)).toEqual([third.id, first.id]);
    expect(body.messages[0]).toMatchObject({
      to: "ana@example.com",
      subject: "Sign in to Stagedoor",
      template: "magic-link",
      status: "queued",
    });
    expect(body.messages[0]?.text).toContain("https://tickets.example.com/login?token=three");
    expect(body.messages[0]?.html).toContain("token=three");
    expect(new Date(body.messages[0]?.createdAt ?? "").getTime()).not.toBeNaN();
  });

  it("serves an attachment's bytes with its content type", async () => {
    stubEmailEnv({ DEV_MAILBOX: "true" });
    const { id } = await queue("ana@example.com", "x");
    const res = await getAttachment(new Request(`${base}/${id}/attachments/0`), {
      params: Promise.resolve({ id, index: "0" }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
    const missing = await getAttachment(new Request(`${base}/${id}/attachments/1`), {
      params: Promise.resolve({ id, index: "1" }),
    });
    expect(missing.status).toBe(404);
  });

  it("does not exist when DEV_MAILBOX is off", async () => {
    stubEmailEnv({ DEV_MAILBOX: "true" });
    const { id } = await queue("ana@example.com", "secret");
    stubEmailEnv({ DEV_MAILBOX: "false" });
    const list = await listMessages(new Request(base), noParams);
    expect(list.status).toBe(404);
    expect(await list.text()).not.toContain("secret");
    const attachment = await getAttachment(new Request(`${base}/${id}/attachments/0`), {
      params: Promise.resolve({ id, index: "0" }),
    });
    expect(attachment.status).toBe(404);
  });
});
