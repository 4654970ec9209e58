import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { readSessionUser, type SessionUser } from "@/lib/auth/auth";

export type { SessionUser };

/**
 * The signed-in user for the current request ({ id, email, isAdmin }) or null; one session lookup per
 * request however many components ask. Server components, layouts and server actions only.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> =>
  readSessionUser(await headers()),
);
