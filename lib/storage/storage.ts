// Where uploaded files live. Two drivers behind one small interface: a folder under DATA_DIR (served by
// GET /api/tickets/uploads/[...key]) or an S3-compatible bucket (served from S3_PUBLIC_URL).

export interface StoredObject {
  bytes: Uint8Array;
  contentType: string;
}

export interface Storage {
  /** Stores bytes under a key (see isSafeUploadKey) and answers the public URL they are served from. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<{ url: string }>;
  /** The stored bytes, or null when there is nothing (or nothing allowed) under that key. */
  get(key: string): Promise<StoredObject | null>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Keys are slash-separated segments of letters, digits, `.`, `_` and `-`, never starting with a dot: no
 * `..`, no absolute paths, no backslashes, no empty segments. Both drivers refuse anything else.
 */
export function isSafeUploadKey(key: string): boolean {
  if (key.length === 0 || key.length > 512) return false;
  const segments = key.split("/");
  return segments.length <= 8 && segments.every((s) => SEGMENT.test(s));
}

export const IMAGE_CONTENT_TYPES = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
} as const;

export type ImageExtension = keyof typeof IMAGE_CONTENT_TYPES;

/** The content type for a key by its extension; null for anything that is not one of our image types. */
export function contentTypeForKey(key: string): string | null {
  const ext = key.slice(key.lastIndexOf(".") + 1).toLowerCase();
  return Object.prototype.hasOwnProperty.call(IMAGE_CONTENT_TYPES, ext)
    ? IMAGE_CONTENT_TYPES[ext as ImageExtension]
    : null;
}

/** A key as a URL path: each segment percent-encoded. */
export function encodeKeyPath(key: string): string {
  return key.split("/").map(encodeURIComponent).join("/");
}
