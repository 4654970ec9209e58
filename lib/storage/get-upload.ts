import "server-only";
import { AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage/get-storage";
import { isSafeUploadKey, type Storage, type StoredObject } from "@/lib/storage/storage";

/** A stored upload by key; 404 for unknown keys and for keys that try to leave the uploads folder. */
export async function getUpload(key: string, storage: Storage = getStorage()): Promise<StoredObject> {
  if (!isSafeUploadKey(key)) throw AppError.notFound("File not found.");
  const object = await storage.get(key);
  if (!object) throw AppError.notFound("File not found.");
  return object;
}
