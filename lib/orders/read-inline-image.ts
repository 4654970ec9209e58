// Reads an uploaded image (organizer logo, event cover) from our own storage for use as an inline email
// image. Only URLs that point at our uploads are read; nothing is ever fetched from an arbitrary address.
import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { detectImageType } from "@/lib/storage/detect-image-type";
import { getStorage, UPLOADS_ROUTE } from "@/lib/storage/get-storage";
import { IMAGE_CONTENT_TYPES, isSafeUploadKey, type Storage } from "@/lib/storage/storage";

export interface InlineImage {
  bytes: Uint8Array;
  contentType: string;
  extension: string;
}

/** Big images would bloat every confirmation; above this the email goes without the picture. */
export const MAX_INLINE_IMAGE_BYTES = 1_500_000;
/** WebP is left out: Outlook and some webmail clients do not show it. */
const EMAIL_SAFE = new Set(["png", "jpg", "gif"]);
const READ_TIMEOUT_MS = 3_000;

/**
 * The storage key behind an upload URL: `/api/tickets/uploads/<key>` (relative or on APP_URL) or
 * `<S3_PUBLIC_URL>/<key>`. Null for any other URL.
 */
export function uploadKeyFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, env.APP_URL);
  } catch {
    return null;
  }
  const candidates: string[] = [];
  const app = new URL(env.APP_URL);
  if (parsed.origin === app.origin && parsed.pathname.startsWith(`${UPLOADS_ROUTE}/`)) {
    candidates.push(parsed.pathname.slice(UPLOADS_ROUTE.length + 1));
  }
  if (env.S3_PUBLIC_URL) {
    const base = new URL(env.S3_PUBLIC_URL);
    const prefix = base.pathname.replace(/\/+$/, "") + "/";
    if (parsed.origin === base.origin && parsed.pathname.startsWith(prefix)) {
      candidates.push(parsed.pathname.slice(prefix.length));
    }
  }
  for (const candidate of candidates) {
    try {
      const key = candidate.split("/").map(decodeURIComponent).join("/");
      if (isSafeUploadKey(key)) return key;
    } catch {
      // malformed percent-encoding: not ours
    }
  }
  return null;
}

/**
 * The image's bytes when it is one of our uploads, readable within a few seconds, a PNG/JPEG/GIF by its
 * magic bytes and not too big; otherwise null (the email simply goes without it). Never throws.
 */
export async function readInlineImage(
  url: string | null | undefined,
  storage?: Storage,
): Promise<InlineImage | null> {
  if (!url) return null;
  const key = uploadKeyFromUrl(url);
  if (!key) return null;
  try {
    const store = storage ?? getStorage();
    const object = await withTimeout(store.get(key), READ_TIMEOUT_MS);
    if (!object || object.bytes.byteLength > MAX_INLINE_IMAGE_BYTES) return null;
    const extension = detectImageType(object.bytes);
    if (!extension || !EMAIL_SAFE.has(extension)) return null;
    return { bytes: object.bytes, contentType: IMAGE_CONTENT_TYPES[extension], extension };
  } catch (error) {
    log.warn(
      {
        event: "tickets.email.inline_image_unreadable",
        key,
        err: error instanceof Error ? error.message : error,
      },
      "could not read an image for an email; sending without it",
    );
    return null;
  }
}

/** The promise's value, or null when it takes longer than `ms` (the read is left to finish on its own). */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
