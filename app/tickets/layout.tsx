import Link from "next/link";
import { Suspense } from "react";
import { UserNav } from "@/components/auth/user-nav";
import { TestModeBanner } from "@/components/payments/test-mode-banner";
import { QueryProvider } from "@/components/ui/query-provider";

export default function TicketsLayout({ children }: { children: React.ReactNode }) {
  return (
    <QueryProvider>
      <TestModeBanner />
      <header className="site-header">
        <div className="container">
          <Link href="/tickets/events" className="brand">
            Stagedoor
          </Link>
          <nav className="nav small">
            <Link href="/tickets/events">Events</Link>
            <Link href="/tickets/organizer">For organizers</Link>
            <Suspense fallback={null}>
              <UserNav />
            </Suspense>
          </nav>
        </div>
      </header>
      {children}
    </QueryProvider>
  );
}
