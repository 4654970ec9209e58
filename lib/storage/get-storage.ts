import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { createLocalStorage } from "@/lib/storage/local-storage";
import { createS3Storage } from "@/lib/storage/s3-storage";
import type { Storage } from "@/lib/storage/storage";

export const UPLOADS_ROUTE = "/api/tickets/uploads";

let cached: Storage | undefined;

/** The configured driver (STORAGE_DRIVER): local files under DATA_DIR/uploads, or an S3-compatible bucket. */
export function getStorage(): Storage {
  if (cached) return cached;
  if (env.STORAGE_DRIVER === "s3") {
    // lib/env.ts requires all of these when STORAGE_DRIVER=s3.
    cached = createS3Storage({
      endpoint: env.S3_ENDPOINT!,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET!,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      publicUrl: env.S3_PUBLIC_URL!,
    });
  } else {
    cached = createLocalStorage({
      root: path.join(env.DATA_DIR, "uploads"),
      publicBaseUrl: new URL(UPLOADS_ROUTE, env.APP_URL).toString(),
    });
  }
  return cached;
}
