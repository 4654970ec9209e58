// Keyset paging shared by the admin lists (events, reports, audit log): newest first on (created_at, id), a
// cursor that is opaque to the URL and parsed with zod like any other input. No database.
import { z } from "zod";
import { AppError } from "@/lib/errors";

export interface AdminListCursor {
  createdAt: Date;
  id: string;
}

export const ADMIN_LIST_LIMIT = 50;

export function encodeAdminListCursor(cursor: AdminListCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString("base64url");
}

const cursorTuple = z.tuple([z.iso.datetime(), z.string().min(1).max(200)]);

/** A cursor from the URL; 422 naming `cursor` when it was not made by encodeAdminListCursor. */
export function decodeAdminListCursor(value: string): AdminListCursor {
  try {
    const [createdAt, id] = cursorTuple.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return { createdAt: new Date(createdAt), id };
  } catch {
    throw AppError.validation("cursor", "is not a page of this list");
  }
}

export const cursorParam = z
  .string()
  .trim()
  .max(400)
  .optional()
  .transform((v) => (v ? decodeAdminListCursor(v) : undefined));
