import "server-only";
import { normalizeEmail } from "@/lib/auth/email";
import { env } from "@/lib/env";

/** Platform admins are the addresses in ADMIN_EMAILS (already lower-cased by lib/env). */
export function isPlatformAdmin(email: string | null | undefined): boolean {
  if (!email) return false;
  return env.ADMIN_EMAILS.includes(normalizeEmail(email));
}
