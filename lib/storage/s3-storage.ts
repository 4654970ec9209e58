import "server-only";
import { sha256Hex, signAwsV4 } from "@/lib/storage/sign-aws-v4";
import { encodeKeyPath, isSafeUploadKey, type Storage } from "@/lib/storage/storage";

export interface S3StorageConfig {
  /** e.g. https://<account>.r2.cloudflarestorage.com or http://127.0.0.1:9000 (path-style addressing). */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Public base URL of the bucket's objects (CDN or bucket website). */
  publicUrl: string;
}

/** fetch sets Host itself (to the URL's host, which is what was signed). */
function withoutHost(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "host"));
}

/** An S3-compatible bucket (AWS S3, R2, MinIO…), signed with SigV4. `fetchImpl` is for tests. */
export function createS3Storage(config: S3StorageConfig, fetchImpl: typeof fetch = fetch): Storage {
  const endpoint = config.endpoint.replace(/\/+$/, "");
  const publicUrl = config.publicUrl.replace(/\/+$/, "");
  const objectUrl = (key: string) =>
    new URL(`${endpoint}/${encodeURIComponent(config.bucket)}/${encodeKeyPath(key)}`);
  const sign = (method: string, url: URL, payloadHash: string, headers?: Record<string, string>) =>
    signAwsV4({
      method,
      url,
      headers,
      payloadHash,
      region: config.region,
      service: "s3",
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      date: new Date(),
    });

  return {
    async put(key, bytes, contentType) {
      if (!isSafeUploadKey(key))
        throw new Error(`Refusing to store an unsafe upload key: ${JSON.stringify(key)}`);
      const url = objectUrl(key);
      const headers = sign("PUT", url, sha256Hex(bytes), {
        "content-type": contentType,
        "cache-control": "public, max-age=31536000, immutable",
      });
      const response = await fetchImpl(url, {
        method: "PUT",
        headers: withoutHost(headers),
        body: bytes.slice(),
      });
      if (!response.ok) {
        const detail = (await response.text().catch(() => "")).slice(0, 300);
        throw new Error(`S3 PUT ${key} failed with ${response.status}: ${detail}`);
      }
      return { url: `${publicUrl}/${encodeKeyPath(key)}` };
    },
    async get(key) {
      if (!isSafeUploadKey(key)) return null;
      const url = objectUrl(key);
      const headers = withoutHost(sign("GET", url, sha256Hex("")));
      const response = await fetchImpl(url, { method: "GET", headers });
      // S3 answers 403 rather than 404 for a missing key when the credentials may not list the bucket.
      if (response.status === 404 || response.status === 403) return null;
      if (!response.ok) throw new Error(`S3 GET ${key} failed with ${response.status}`);
      return {
        bytes: new Uint8Array(await response.arrayBuffer()),
        contentType: response.headers.get("content-type") ?? "application/octet-stream",
      };
    },
  };
}
