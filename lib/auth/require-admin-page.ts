// The guard of every platform-admin page: anyone who is not a signed-in platform admin gets a 404, so the
// admin portal's pages are indistinguishable from pages that do not exist (the API answers the same).
import "server-only";
import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/get-current-user";

/** The signed-in platform admin; notFound() for a signed-out visitor or a signed-in non-admin. */
export async function requireAdminPage(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user?.isAdmin) notFound();
  return user;
}
