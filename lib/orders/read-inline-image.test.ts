import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadEnv } from "@/lib/env";
import { readInlineImage, uploadKeyFromUrl } from "@/lib/orders/read-inline-image";
import { createLocalStorage } from "@/lib/storage/local-storage";

describe("uploadKeyFromUrl", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  it("maps our own upload URLs (relative, on APP_URL, on S3_PUBLIC_URL) to storage keys and nothing else", () => {
    vi.stubEnv("APP_URL", "https://tickets.example.com");
    vi.stubEnv("S3_PUBLIC_URL", "https://cdn.example.com/media");
    loadEnv();
    expect(uploadKeyFromUrl("/api/tickets/uploads/organizers/o1/organizer-logo/a.png")).toBe(
      "organizers/o1/organizer-logo/a.png",
    );
    expect(uploadKeyFromUrl("https://tickets.example.com/api/tickets/uploads/organizers/o1/x.jpg")).toBe(
      "organizers/o1/x.jpg",
    );
    expect(uploadKeyFromUrl("https://cdn.example.com/media/organizers/o1/x.jpg")).toBe("organizers/o1/x.jpg");
    expect(uploadKeyFromUrl("https://evil.example.com/api/tickets/uploads/organizers/o1/x.jpg")).toBeNull();
    expect(uploadKeyFromUrl("https://cdn.example.com/other/organizers/o1/x.jpg")).toBeNull();
    expect(uploadKeyFromUrl("/api/tickets/uploads/%2e%2e/%2e%2e/etc/passwd.png")).toBeNull();
    expect(uploadKeyFromUrl("/api/tickets/uploads/a%2F..%2F..%2Fsecrets.png")).toBeNull();
    expect(uploadKeyFromUrl("/api/tickets/uploads/a/%E0%A4%A.png")).toBeNull();
    expect(uploadKeyFromUrl("file:///etc/passwd")).toBeNull();
  });
});

describe("readInlineImage", () => {
  it("reads PNG/JPEG/GIF uploads by their bytes, skips WebP, oversized, missing and non-image files", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "stagedoor-inline-"));
    try {
      const storage = createLocalStorage({
        root,
        publicBaseUrl: "http://localhost:3000/api/tickets/uploads",
      });
      const gif = Buffer.concat([Buffer.from("GIF89a"), Buffer.alloc(16)]);
      const webp = Buffer.concat([
        Buffer.from("RIFF"),
        Buffer.alloc(4),
        Buffer.from("WEBP"),
        Buffer.alloc(8),
      ]);
      const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(1_600_000)]);
      const fake = Buffer.from("not an image at all");
      const urls = {
        gif: (await storage.put("o/logo.gif", gif, "image/gif")).url,
        webp: (await storage.put("o/logo.webp", webp, "image/webp")).url,
        big: (await storage.put("o/big.jpg", big, "image/jpeg")).url,
        fake: (await storage.put("o/fake.png", fake, "image/png")).url,
      };
      expect(await readInlineImage(urls.gif, storage)).toMatchObject({
        contentType: "image/gif",
        extension: "gif",
      });
      expect(await readInlineImage(urls.webp, storage)).toBeNull();
      expect(await readInlineImage(urls.big, storage)).toBeNull();
      expect(await readInlineImage(urls.fake, storage)).toBeNull();
      expect(await readInlineImage("/api/tickets/uploads/o/missing.png", storage)).toBeNull();
      expect(await readInlineImage(null, storage)).toBeNull();
      const broken = { put: storage.put, get: () => Promise.reject(new Error("bucket down")) };
      expect(await readInlineImage(urls.gif, broken)).toBeNull();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
