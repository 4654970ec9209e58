import { mkdtempSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import * as serveRoute from "@/app/api/tickets/uploads/[...key]/route";
import * as uploadsRoute from "@/app/api/tickets/uploads/route";
import { routeContext, TEST_ORIGIN } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { archiveEvent } from "@/lib/events/archive-event";
import { createEvent } from "@/lib/events/create-event";
import { eventFormInput } from "@/lib/events/testing";
import { createOrganizerWithOwner } from "@/lib/testing/factories";
import { resetDatabase } from "@/lib/testing/db";

// Uploads land in a scratch DATA_DIR (loadEnv re-reads process.env; storage is created at first use).
const DATA_DIR = mkdtempSync(path.join(tmpdir(), "stagedoor-uploads-"));
process.env.DATA_DIR = DATA_DIR;
loadEnv();
writeFileSync(path.join(DATA_DIR, "secret.png"), "not for the public");

const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
const PNG = new Uint8Array([...PNG_HEADER, 1, 2, 3, 4]);

function upload(cookie: string, file: File | string | null, fields: Record<string, string>): Request {
  const form = new FormData();
  if (file !== null) form.set("file", file);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Request("http://localhost:3000/api/tickets/uploads", {
    method: "POST",
    headers: { cookie, origin: TEST_ORIGIN },
    body: form,
  });
}

async function fieldsOf(response: Response): Promise<string[]> {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as { errors?: { field: string }[] };
  return (body.errors ?? []).map((e) => e.field);
}

const serve = (key: string[]) =>
  serveRoute.GET(
    new Request(`http://localhost:3000/api/tickets/uploads/${key.join("/")}`),
    routeContext({ key }),
  );

beforeEach(async () => {
  await resetDatabase();
});

describe("POST /api/tickets/uploads", () => {
  it("stores a PNG cover, sets the event's coverImageUrl, and GET serves it with its type and immutable caching", async () => {
    const { owner, organizer } = await createOrganizerWithOwner("the-loft");
    const event = await createEvent({ organizerId: organizer.id, userId: owner.userId }, eventFormInput());
    const response = await uploadsRoute.POST(
      upload(owner.cookie, new File([PNG], "cover.png", { type: "image/png" }), {
        kind: "event-cover",
        eventId: event.id,
      }),
      routeContext(),
    );
    expect(response.status).toBe(201);
    const { url } = (await response.json()) as { url: string };
    const prefix = `http://localhost:3000/api/tickets/uploads/organizers/${organizer.id}/event-cover/`;
    expect(url.startsWith(prefix)).toBe(true);
    expect(url).toMatch(/\/[0-9a-f]{32}\.png$/);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).coverImageUrl).toBe(url);
    expect(
      await db.auditLog.count({ where: { entityId: event.id, action: "tickets.event.cover_updated" } }),
    ).toBe(1);

    const key = url.slice("http://localhost:3000/api/tickets/uploads/".length).split("/");
    expect(new Uint8Array(await readFile(path.join(DATA_DIR, "uploads", ...key)))).toEqual(PNG);
    const served = await serve(key);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
  });

  it("names the type by the bytes: a JPEG called .png is stored as .jpg", async () => {
    const { owner } = await createOrganizerWithOwner("the-loft");
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
    const response = await uploadsRoute.POST(
      upload(owner.cookie, new File([jpeg], "photo.png", { type: "image/png" }), { kind: "event-cover" }),
      routeContext(),
    );
    expect(response.status).toBe(201);
    expect(((await response.json()) as { url: string }).url).toMatch(/\.jpg$/);
  });

  it("an organizer logo becomes the organizer's logoUrl", async () => {
    const { owner, organizer } = await createOrganizerWithOwner("the-loft");
    const gif = new TextEncoder().encode("GIF89a\x01\x00\x01\x00");
    const response = await uploadsRoute.POST(
      upload(owner.cookie, new File([gif], "logo.gif", { type: "image/gif" }), { kind: "organizer-logo" }),
      routeContext(),
    );
    expect(response.status).toBe(201);
    const { url } = (await response.json()) as { url: string };
    expect(url).toContain(`/organizers/${organizer.id}/organizer-logo/`);
    expect((await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } })).logoUrl).toBe(url);
  });

  it("refuses a text file named .png (magic bytes), a missing file and a bad kind with 422", async () => {
    const { owner, organizer } = await createOrganizerWithOwner("the-loft");
    const event = await createEvent({ organizerId: organizer.id, userId: owner.userId }, eventFormInput());
    const cases: [File | string | null, Record<string, string>, string][] = [
      [
        new File(["hello, I am text"], "cover.png", { type: "image/png" }),
        { kind: "event-cover", eventId: event.id },
        "file",
      ],
      [
        new File(["<svg xmlns='http://www.w3.org/2000/svg'/>"], "x.svg", { type: "image/svg+xml" }),
        { kind: "event-cover" },
        "file",
      ],
      [null, { kind: "event-cover" }, "file"],
      ["not a file", { kind: "event-cover" }, "file"],
      [new File([PNG], "cover.png", { type: "image/png" }), { kind: "avatar" }, "kind"],
    ];
    for (const [file, fields, field] of cases) {
      const response = await uploadsRoute.POST(upload(owner.cookie, file, fields), routeContext());
      expect(response.status, JSON.stringify(fields)).toBe(422);
      expect(await fieldsOf(response)).toEqual([field]);
    }
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).coverImageUrl).toBeNull();
  });

  it("refuses a 6 MB image with 413 naming the file", async () => {
    const { owner, organizer } = await createOrganizerWithOwner("the-loft");
    const event = await createEvent({ organizerId: organizer.id, userId: owner.userId }, eventFormInput());
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(PNG_HEADER);
    const response = await uploadsRoute.POST(
      upload(owner.cookie, new File([big], "huge.png", { type: "image/png" }), {
        kind: "event-cover",
        eventId: event.id,
      }),
      routeContext(),
    );
    expect(response.status).toBe(413);
    expect(await fieldsOf(response)).toEqual(["file"]);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).coverImageUrl).toBeNull();
  });

  it("refuses a body whose declared length is over the limit before reading it", async () => {
    const { owner } = await createOrganizerWithOwner("the-loft");
    const request = new Request("http://localhost:3000/api/tickets/uploads", {
      method: "POST",
      headers: {
        cookie: owner.cookie,
        origin: TEST_ORIGIN,
        "content-length": String(7 * 1024 * 1024),
        "content-type": "multipart/form-data; boundary=x",
      },
      body: "--x--",
    });
    const response = await uploadsRoute.POST(request, routeContext());
    expect(response.status).toBe(413);
    expect(await fieldsOf(response)).toEqual(["file"]);
  });

  it("refuses a cover for an archived event with 409", async () => {
    const { owner, organizer } = await createOrganizerWithOwner("the-loft");
    const actor = { organizerId: organizer.id, userId: owner.userId };
    const event = await createEvent(actor, eventFormInput());
    await archiveEvent(actor, event.id);
    const response = await uploadsRoute.POST(
      upload(owner.cookie, new File([PNG], "cover.png"), { kind: "event-cover", eventId: event.id }),
      routeContext(),
    );
    expect(response.status).toBe(409);
  });
});

describe("GET /api/tickets/uploads/[...key]", () => {
  it("refuses path traversal and unknown keys with 404, never serving files outside the uploads folder", async () => {
    for (const key of [
      ["..", "secret.png"],
      ["../secret.png"],
      ["organizers", "..", "..", "secret.png"],
      ["..%2Fsecret.png"],
      [".env"],
      ["organizers", "nope", "missing.png"],
    ]) {
      const response = await serve(key);
      expect(response.status, key.join("/")).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});
