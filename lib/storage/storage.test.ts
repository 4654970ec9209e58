import { mkdtempSync, writeFileSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectImageType } from "@/lib/storage/detect-image-type";
import { createLocalStorage } from "@/lib/storage/local-storage";
import { createS3Storage } from "@/lib/storage/s3-storage";
import { sha256Hex, signAwsV4 } from "@/lib/storage/sign-aws-v4";
import { isSafeUploadKey } from "@/lib/storage/storage";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe("detectImageType", () => {
  it("goes by magic bytes", () => {
    expect(detectImageType(PNG)).toBe("png");
    expect(detectImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe("jpg");
    expect(detectImageType(new TextEncoder().encode("GIF89a...."))).toBe("gif");
    expect(detectImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
    expect(detectImageType(new TextEncoder().encode("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
    expect(detectImageType(new TextEncoder().encode("<svg xmlns=...>"))).toBeNull();
    expect(detectImageType(new TextEncoder().encode("just text, named cover.png"))).toBeNull();
    expect(detectImageType(new Uint8Array([0x89, 0x50]))).toBeNull();
  });
});

describe("isSafeUploadKey", () => {
  it.each([
    ["organizers/abc/event-cover/0f3a.png", true],
    ["../secret.png", false],
    ["organizers/../../etc/passwd", false],
    ["/etc/passwd", false],
    ["organizers//x.png", false],
    [".env", false],
    ["a\\..\\b.png", false],
    ["a/%2e%2e/b.png", false],
    ["", false],
  ])("%s → %s", (key, safe) => {
    expect(isSafeUploadKey(key)).toBe(safe);
  });
});

describe("local storage", () => {
  it("stores under root, serves by key with the image's type, and never reads outside root", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "stagedoor-local-"));
    const root = path.join(dataDir, "uploads");
    await mkdir(root, { recursive: true });
    writeFileSync(path.join(dataDir, "secret.png"), "outside the uploads folder");
    const storage = createLocalStorage({ root, publicBaseUrl: "http://localhost:3000/api/tickets/uploads/" });

    const { url } = await storage.put("organizers/o1/event-cover/abc.png", PNG, "image/png");
    expect(url).toBe("http://localhost:3000/api/tickets/uploads/organizers/o1/event-cover/abc.png");
    expect(new Uint8Array(await readFile(path.join(root, "organizers/o1/event-cover/abc.png")))).toEqual(PNG);
    expect(await storage.get("organizers/o1/event-cover/abc.png")).toEqual({
      bytes: PNG,
      contentType: "image/png",
    });

    expect(await storage.get("../secret.png")).toBeNull();
    expect(await storage.get("organizers/../../secret.png")).toBeNull();
    expect(await storage.get("organizers/o1/event-cover/missing.png")).toBeNull();
    await expect(storage.put("../escape.png", PNG, "image/png")).rejects.toThrow(/unsafe/);
  });
});

describe("signAwsV4", () => {
  it("matches AWS's published S3 example (GET object with a Range header)", () => {
    const headers = signAwsV4({
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      headers: { Range: "bytes=0-9" },
      payloadHash: sha256Hex(""),
      region: "us-east-1",
      service: "s3",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      date: new Date("2013-05-24T00:00:00Z"),
    });
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, " +
        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
    expect(headers["x-amz-date"]).toBe("20130524T000000Z");
  });
});

describe("S3 storage against a local S3 stand-in", () => {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const seen: { method: string; authorization: string }[] = [];
  let server: Server;
  let endpoint: string;

  const AUTH_SHAPE =
    /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/(\d{8})\/auto\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

  /** Recomputes the signature from what actually arrived, as S3 does. */
  function verify(req: IncomingMessage, body: Buffer): boolean {
    const auth = req.headers.authorization ?? "";
    const match = AUTH_SHAPE.exec(auth);
    if (!match) return false;
    const signed = match[2]!.split(";");
    for (const required of ["host", "x-amz-content-sha256", "x-amz-date"]) {
      if (!signed.includes(required)) return false;
    }
    if (req.headers["x-amz-content-sha256"] !== sha256Hex(body)) return false;
    const amzDate = String(req.headers["x-amz-date"]);
    const date = new Date(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    const extra = Object.fromEntries(
      signed
        .filter((h) => !["host", "x-amz-content-sha256", "x-amz-date"].includes(h))
        .map((h) => [h, String(req.headers[h])]),
    );
    const expected = signAwsV4({
      method: req.method ?? "GET",
      url: new URL(req.url ?? "/", `http://${req.headers.host}`),
      headers: extra,
      payloadHash: sha256Hex(body),
      region: "auto",
      service: "s3",
      accessKeyId: "AKIDTEST",
      secretAccessKey: "secret-test-key",
      date,
    });
    return expected.authorization === auth;
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        seen.push({ method: req.method ?? "", authorization: req.headers.authorization ?? "" });
        if (!verify(req, body)) {
          res.writeHead(403).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
          return;
        }
        const path = req.url ?? "";
        if (req.method === "PUT") {
          objects.set(path, { body, contentType: String(req.headers["content-type"]) });
          res.writeHead(200).end();
        } else if (req.method === "GET") {
          const object = objects.get(path);
          if (!object) res.writeHead(404).end();
          else res.writeHead(200, { "content-type": object.contentType }).end(object.body);
        } else {
          res.writeHead(405).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const storage = (secretAccessKey = "secret-test-key") =>
    createS3Storage({
      endpoint,
      region: "auto",
      bucket: "covers",
      accessKeyId: "AKIDTEST",
      secretAccessKey,
      publicUrl: "https://cdn.example.com/",
    });

  it("PUTs the bytes with a SigV4 signature the server accepts, and reads them back", async () => {
    const { url } = await storage().put("organizers/o1/event-cover/abc.png", PNG, "image/png");
    expect(url).toBe("https://cdn.example.com/organizers/o1/event-cover/abc.png");
    const stored = objects.get("/covers/organizers/o1/event-cover/abc.png");
    expect(stored && new Uint8Array(stored.body)).toEqual(PNG);
    expect(stored?.contentType).toBe("image/png");
    expect(seen.at(-1)?.method).toBe("PUT");
    expect(seen.at(-1)?.authorization).toMatch(AUTH_SHAPE);

    expect(await storage().get("organizers/o1/event-cover/abc.png")).toEqual({
      bytes: PNG,
      contentType: "image/png",
    });
    expect(await storage().get("organizers/o1/event-cover/missing.png")).toBeNull();
  });

  it("fails loudly when the server refuses the signature (wrong secret)", async () => {
    await expect(
      storage("wrong-secret").put("organizers/o1/event-cover/x.png", PNG, "image/png"),
    ).rejects.toThrow(/403/);
    expect(objects.has("/covers/organizers/o1/event-cover/x.png")).toBe(false);
  });
});
