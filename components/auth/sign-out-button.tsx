import { buttonClass } from "@/components/ui/styles";
import { signOut } from "@/lib/auth/auth";

/** Ends the session (the row is deleted, the cookie cleared) and goes to the event list. */
export function SignOutButton({ className = buttonClass({ variant: "secondary" }) }: { className?: string }) {
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/tickets/events" });
  }
  return (
    <form action={signOutAction}>
      <button className={className} type="submit">
        Sign out
      </button>
    </form>
  );
}
