import Link from "next/link";
import { Suspense } from "react";
import { UserNav } from "@/components/auth/user-nav";
import { SiteMenu } from "@/components/ui/site-menu";
import { getCurrentUser } from "@/lib/auth/get-current-user";

const LINKS = [
  { href: "/tickets/events", label: "Events" },
  { href: "/tickets/organizer", label: "For organizers" },
] as const;

/** The app's header: brand and links in one line; on phones the links fold into a menu. */
export function SiteHeader() {
  return (
    <header className="border-b border-line bg-card">
      <div className="mx-auto flex w-full max-w-5xl items-center justify-between gap-3 px-5 py-3">
        <Link href="/" className="text-lg font-bold text-fg no-underline">
          Stagedoor
        </Link>
        <nav aria-label="Main" className="hidden items-center gap-4 text-sm sm:flex">
          {LINKS.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              className="text-fg no-underline hover:text-accent hover:underline"
            >
              {link.label}
            </Link>
          ))}
          <Suspense fallback={null}>
            <UserNav />
          </Suspense>
        </nav>
        <Suspense fallback={<SiteMenu links={LINKS} className="sm:hidden" />}>
          <PhoneMenu />
        </Suspense>
      </div>
    </header>
  );
}

async function PhoneMenu() {
  const user = await getCurrentUser();
  const account = user
    ? { href: "/tickets/account", label: `Account (${user.email})` }
    : { href: "/tickets/login", label: "Sign in" };
  return <SiteMenu links={[...LINKS, account]} className="sm:hidden" />;
}
