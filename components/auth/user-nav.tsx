import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { buttonClass, ui } from "@/components/ui/styles";

/** Header: "Sign in" when signed out; the user's email (→ account) and "Sign out" when signed in. */
export async function UserNav() {
  const user = await getCurrentUser();
  if (!user) return <Link href="/tickets/login">Sign in</Link>;
  return (
    <span className={ui.row}>
      <Link href="/tickets/account" className={ui.muted}>
        {user.email}
      </Link>
      <SignOutButton className={buttonClass({ variant: "secondary", size: "sm" })} />
    </span>
  );
}
