import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { contentTypeForKey, encodeKeyPath, isSafeUploadKey, type Storage } from "@/lib/storage/storage";

/**
 * Files under `root` (DATA_DIR/uploads in the app). URLs point at `publicBaseUrl` + key, which the app serves
 * from GET /api/tickets/uploads/[...key]. Every key is checked, and the resolved path must stay inside root.
 */
export function createLocalStorage(options: { root: string; publicBaseUrl: string }): Storage {
  const root = path.resolve(options.root);
  const base = options.publicBaseUrl.replace(/\/+$/, "");

  function resolve(key: string): string | null {
    if (!isSafeUploadKey(key)) return null;
    const file = path.resolve(root, ...key.split("/"));
    return file.startsWith(root + path.sep) ? file : null;
  }

  return {
    async put(key, bytes) {
      const file = resolve(key);
      if (!file) throw new Error(`Refusing to store an unsafe upload key: ${JSON.stringify(key)}`);
      await mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const temp = `${file}.${randomUUID()}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, file);
      return { url: `${base}/${encodeKeyPath(key)}` };
    },
    async get(key) {
      const file = resolve(key);
      const contentType = contentTypeForKey(key);
      if (!file || !contentType) return null;
      try {
        return { bytes: new Uint8Array(await readFile(file)), contentType };
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR") return null;
        throw error;
      }
    },
  };
}
