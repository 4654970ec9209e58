// The opaque sync cursor (pure). A chain of pages walks tickets by id; a delta chain picks the tickets
// changed since the previous chain started (minus an overlap, for transactions that committed late).
import { z } from "zod";
import { isStorableDate } from "@/lib/http/input";

/** Largest PostgreSQL bigint: a larger revocation id cannot be compared in SQL. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** 2: code hashes of the bytes (SYNC_FORMAT 2). A cursor of another version is unusable: full snapshot. */
export const CURSOR_VERSION = 2;

const cursorSchema = z.object({
  v: z.literal(CURSOR_VERSION),
  /** Changes since this time (ISO); null: full snapshot. */
  s: z.string().nullable(),
  /** When this chain started (ISO, database clock): the next chain's `s`. */
  u: z.string(),
  /** Last ticket id of the previous page of this chain; null at the start of a chain. */
  a: z.string().nullable(),
  /** Revocations with a larger id are still to send. */
  r: z.string().regex(/^\d+$/),
  /** The chain's tickets are all sent; only revocations remain. */
  t: z.boolean().optional(),
});

export type SyncCursor = z.infer<typeof cursorSchema>;

export function encodeSyncCursor(cursor: SyncCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The cursor, or null when it is missing or unusable (the caller then sends a full snapshot). */
export function decodeSyncCursor(text: string | undefined): SyncCursor | null {
  if (!text) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const c = parsed.data;
    if (!isStorableDate(new Date(c.u)) || (c.s !== null && !isStorableDate(new Date(c.s)))) return null;
    if (BigInt(c.r) > MAX_BIGINT || c.a?.includes("\u0000")) return null;
    return c;
  } catch {
    return null;
  }
}
